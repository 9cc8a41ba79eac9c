namespace RefugeeHome.Triggers.Registrations;

/// <summary>The registration forms' own words in Dutch, English, Ukrainian and Russian.</summary>
internal static class FormTexts
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new(StringComparer.Ordinal)
    {
        ["nl"] = new(StringComparer.Ordinal)
        {
            ["hostTitle"] = "Aanmelden als gastgezin", ["guestTitle"] = "Gasthuishouden aanmelden (door de gemeente)", ["submit"] = "Versturen",
            ["language"] = "Taal", ["firstName"] = "Voornaam", ["lastName"] = "Achternaam", ["email"] = "E-mailadres", ["phone"] = "Telefoonnummer",
            ["street"] = "Straat", ["houseNumber"] = "Huisnummer", ["postcode"] = "Postcode", ["municipality"] = "Gemeente", ["capacity"] = "Aantal personen dat kan logeren",
            ["availableFrom"] = "Beschikbaar vanaf", ["availableUntil"] = "Beschikbaar tot (niet verplicht)", ["acceptsChildren"] = "Kinderen zijn welkom",
            ["acceptedPets"] = "Huisdieren die welkom zijn", ["stepFree"] = "De kamer is zonder trap bereikbaar", ["languages"] = "Talen die u spreekt", ["spokenInHousehold"] = "Talen die het huishouden spreekt",
            ["accommodation"] = "Woonruimte voor de gasten", ["smokeFree"] = "Rookvrij huis", ["acceptedHouseholds"] = "Welkome huishoudens (leeg: iedereen)",
            ["welcomesFamilies"] = "Een gezin met kinderen is extra welkom", ["caseworkerEmail"] = "E-mailadres van de consulent", ["eligibilityRecorded"] = "Recht op opvang is vastgesteld",
            ["contactEmail"] = "E-mailadres van het huishouden (niet verplicht)", ["preferredMunicipality"] = "Gewenste gemeente (niet verplicht)", ["pets"] = "Huisdieren",
            ["needsStepFree"] = "Iemand kan geen trap lopen", ["smokers"] = "Iemand in het huishouden rookt", ["womenAndChildrenOnly"] = "Alleen vrouwen en kinderen",
            ["wishedAccommodation"] = "Benodigde woonruimte", ["members"] = "Leden van het huishouden (leeftijd; bij kinderen: gezag en het nummer van de ouder of voogd)",
            ["age"] = "Leeftijd", ["custody"] = "Gezag", ["custodian"] = "Nummer ouder/voogd",
            ["householdLanguage"] = "Taal waarin het huishouden zijn e-mails krijgt", ["choose"] = "Kies…", ["thanks"] = "Dank u. Uw aanmelding is ontvangen. U krijgt een bevestiging per e-mail.",
            ["fix"] = "Controleer de volgende velden:", ["unreadable"] = "Het formulier kon niet worden gelezen: {0}", ["notDate"] = "'{0}' is geen geldige datum.", ["notNumber"] = "'{0}' is geen geldig getal.",
            ["option.Cat"] = "Kat", ["option.Dog"] = "Hond", ["option.Other"] = "Ander dier", ["option.PrivateRoom"] = "Eigen kamer", ["option.PrivateRoomAndBathroom"] = "Eigen kamer en badkamer",
            ["option.SeparateDwelling"] = "Aparte woonruimte", ["option.SingleAdult"] = "Eén volwassene", ["option.WomenAndChildren"] = "Vrouwen en kinderen", ["option.Family"] = "Gezinnen", ["option.Adults"] = "Volwassenen",
            ["option.nl"] = "Nederlands", ["option.en"] = "Engels", ["option.uk"] = "Oekraïens", ["option.ru"] = "Russisch", ["option.other"] = "Andere taal",
            ["option.NotRecorded"] = "", ["option.ParentInHousehold"] = "Ouder in huishouden", ["option.GuardianInHousehold"] = "Voogd in huishouden", ["option.NoneInHousehold"] = "Geen ouder of voogd",
        },
        ["en"] = new(StringComparer.Ordinal)
        {
            ["hostTitle"] = "Register as a host household", ["guestTitle"] = "Register a guest household (by the municipality)", ["submit"] = "Send",
            ["language"] = "Language", ["firstName"] = "First name", ["lastName"] = "Last name", ["email"] = "Email address", ["phone"] = "Phone number",
            ["street"] = "Street", ["houseNumber"] = "House number", ["postcode"] = "Postcode", ["municipality"] = "Municipality", ["capacity"] = "Number of people who can stay",
            ["availableFrom"] = "Available from", ["availableUntil"] = "Available until (optional)", ["acceptsChildren"] = "Children are welcome",
            ["acceptedPets"] = "Pets that are welcome", ["stepFree"] = "The room can be reached without stairs", ["languages"] = "Languages you speak", ["spokenInHousehold"] = "Languages the household speaks",
            ["accommodation"] = "Living space for the guests", ["smokeFree"] = "Smoke-free home", ["acceptedHouseholds"] = "Households welcome (empty: anyone)",
            ["welcomesFamilies"] = "A family with children is especially welcome", ["caseworkerEmail"] = "Caseworker's email address", ["eligibilityRecorded"] = "Eligibility for reception has been established",
            ["contactEmail"] = "Household's email address (optional)", ["preferredMunicipality"] = "Preferred municipality (optional)", ["pets"] = "Pets",
            ["needsStepFree"] = "Someone cannot climb stairs", ["smokers"] = "Someone in the household smokes", ["womenAndChildrenOnly"] = "Women and children only",
            ["wishedAccommodation"] = "Living space needed", ["members"] = "Household members (age; for children: custody and the number of the parent or guardian)",
            ["age"] = "Age", ["custody"] = "Custody", ["custodian"] = "Parent/guardian number",
            ["householdLanguage"] = "Language the household gets its emails in", ["choose"] = "Choose…", ["thanks"] = "Thank you. Your registration has been received. You will get a confirmation by email.",
            ["fix"] = "Please check these fields:", ["unreadable"] = "The form could not be read: {0}", ["notDate"] = "'{0}' is not a valid date.", ["notNumber"] = "'{0}' is not a valid number.",
            ["option.Cat"] = "Cat", ["option.Dog"] = "Dog", ["option.Other"] = "Other animal", ["option.PrivateRoom"] = "Private room", ["option.PrivateRoomAndBathroom"] = "Private room and bathroom",
            ["option.SeparateDwelling"] = "Separate dwelling", ["option.SingleAdult"] = "One adult", ["option.WomenAndChildren"] = "Women and children", ["option.Family"] = "Families", ["option.Adults"] = "Adults",
            ["option.nl"] = "Dutch", ["option.en"] = "English", ["option.uk"] = "Ukrainian", ["option.ru"] = "Russian", ["option.other"] = "Other language",
            ["option.NotRecorded"] = "", ["option.ParentInHousehold"] = "Parent in household", ["option.GuardianInHousehold"] = "Guardian in household", ["option.NoneInHousehold"] = "No parent or guardian",
        },
        ["uk"] = new(StringComparer.Ordinal)
        {
            ["hostTitle"] = "Реєстрація приймаючої родини", ["guestTitle"] = "Реєстрація домогосподарства гостей (муніципалітетом)", ["submit"] = "Надіслати",
            ["language"] = "Мова", ["firstName"] = "Ім'я", ["lastName"] = "Прізвище", ["email"] = "Електронна пошта", ["phone"] = "Номер телефону",
            ["street"] = "Вулиця", ["houseNumber"] = "Номер будинку", ["postcode"] = "Поштовий індекс", ["municipality"] = "Громада", ["capacity"] = "Скільки людей може проживати",
            ["availableFrom"] = "Доступно з", ["availableUntil"] = "Доступно до (необов'язково)", ["acceptsChildren"] = "Діти бажані",
            ["acceptedPets"] = "Які тварини бажані", ["stepFree"] = "До кімнати можна дістатися без сходів", ["languages"] = "Мови, якими ви розмовляєте", ["spokenInHousehold"] = "Мови, якими розмовляє домогосподарство",
            ["accommodation"] = "Житло для гостей", ["smokeFree"] = "Дім без куріння", ["acceptedHouseholds"] = "Бажані домогосподарства (порожньо: будь-які)",
            ["welcomesFamilies"] = "Особливо раді родині з дітьми", ["caseworkerEmail"] = "Електронна пошта консультанта", ["eligibilityRecorded"] = "Право на розміщення встановлено",
            ["contactEmail"] = "Електронна пошта домогосподарства (необов'язково)", ["preferredMunicipality"] = "Бажана громада (необов'язково)", ["pets"] = "Тварини",
            ["needsStepFree"] = "Хтось не може ходити сходами", ["smokers"] = "Хтось у домогосподарстві курить", ["womenAndChildrenOnly"] = "Лише жінки та діти",
            ["wishedAccommodation"] = "Потрібне житло", ["members"] = "Члени домогосподарства (вік; для дітей: опіка та номер батька, матері або опікуна)",
            ["age"] = "Вік", ["custody"] = "Опіка", ["custodian"] = "Номер батьків/опікуна",
            ["householdLanguage"] = "Мова, якою домогосподарство отримує листи", ["choose"] = "Оберіть…", ["thanks"] = "Дякуємо. Вашу реєстрацію отримано. Ви отримаєте підтвердження електронною поштою.",
            ["fix"] = "Перевірте ці поля:", ["unreadable"] = "Не вдалося прочитати форму: {0}", ["notDate"] = "'{0}' — недійсна дата.", ["notNumber"] = "'{0}' — недійсне число.",
            ["option.Cat"] = "Кіт", ["option.Dog"] = "Собака", ["option.Other"] = "Інша тварина", ["option.PrivateRoom"] = "Окрема кімната", ["option.PrivateRoomAndBathroom"] = "Окрема кімната і ванна",
            ["option.SeparateDwelling"] = "Окреме житло", ["option.SingleAdult"] = "Один дорослий", ["option.WomenAndChildren"] = "Жінки та діти", ["option.Family"] = "Родини", ["option.Adults"] = "Дорослі",
            ["option.nl"] = "Нідерландська", ["option.en"] = "Англійська", ["option.uk"] = "Українська", ["option.ru"] = "Російська", ["option.other"] = "Інша мова",
            ["option.NotRecorded"] = "", ["option.ParentInHousehold"] = "Батько/мати в домогосподарстві", ["option.GuardianInHousehold"] = "Опікун у домогосподарстві", ["option.NoneInHousehold"] = "Немає батьків чи опікуна",
        },
        ["ru"] = new(StringComparer.Ordinal)
        {
            ["hostTitle"] = "Регистрация принимающей семьи", ["guestTitle"] = "Регистрация домохозяйства гостей (муниципалитетом)", ["submit"] = "Отправить",
            ["language"] = "Язык", ["firstName"] = "Имя", ["lastName"] = "Фамилия", ["email"] = "Электронная почта", ["phone"] = "Номер телефона",
            ["street"] = "Улица", ["houseNumber"] = "Номер дома", ["postcode"] = "Почтовый индекс", ["municipality"] = "Муниципалитет", ["capacity"] = "Сколько человек может проживать",
            ["availableFrom"] = "Доступно с", ["availableUntil"] = "Доступно до (необязательно)", ["acceptsChildren"] = "Дети желанны",
            ["acceptedPets"] = "Какие животные желанны", ["stepFree"] = "До комнаты можно добраться без лестницы", ["languages"] = "Языки, на которых вы говорите", ["spokenInHousehold"] = "Языки, на которых говорит домохозяйство",
            ["accommodation"] = "Жильё для гостей", ["smokeFree"] = "Дом без курения", ["acceptedHouseholds"] = "Желанные домохозяйства (пусто: любые)",
            ["welcomesFamilies"] = "Особенно рады семье с детьми", ["caseworkerEmail"] = "Электронная почта консультанта", ["eligibilityRecorded"] = "Право на размещение установлено",
            ["contactEmail"] = "Электронная почта домохозяйства (необязательно)", ["preferredMunicipality"] = "Желаемый муниципалитет (необязательно)", ["pets"] = "Животные",
            ["needsStepFree"] = "Кто-то не может ходить по лестнице", ["smokers"] = "Кто-то в домохозяйстве курит", ["womenAndChildrenOnly"] = "Только женщины и дети",
            ["wishedAccommodation"] = "Нужное жильё", ["members"] = "Члены домохозяйства (возраст; для детей: опека и номер родителя или опекуна)",
            ["age"] = "Возраст", ["custody"] = "Опека", ["custodian"] = "Номер родителя/опекуна",
            ["householdLanguage"] = "Язык, на котором домохозяйство получает письма", ["choose"] = "Выберите…", ["thanks"] = "Спасибо. Ваша регистрация получена. Вы получите подтверждение по электронной почте.",
            ["fix"] = "Проверьте эти поля:", ["unreadable"] = "Не удалось прочитать форму: {0}", ["notDate"] = "'{0}' — недействительная дата.", ["notNumber"] = "'{0}' — недействительное число.",
            ["option.Cat"] = "Кошка", ["option.Dog"] = "Собака", ["option.Other"] = "Другое животное", ["option.PrivateRoom"] = "Отдельная комната", ["option.PrivateRoomAndBathroom"] = "Отдельная комната и ванная",
            ["option.SeparateDwelling"] = "Отдельное жильё", ["option.SingleAdult"] = "Один взрослый", ["option.WomenAndChildren"] = "Женщины и дети", ["option.Family"] = "Семьи", ["option.Adults"] = "Взрослые",
            ["option.nl"] = "Нидерландский", ["option.en"] = "Английский", ["option.uk"] = "Украинский", ["option.ru"] = "Русский", ["option.other"] = "Другой язык",
            ["option.NotRecorded"] = "", ["option.ParentInHousehold"] = "Родитель в домохозяйстве", ["option.GuardianInHousehold"] = "Опекун в домохозяйстве", ["option.NoneInHousehold"] = "Нет родителя или опекуна",
        },
    };

    public static IReadOnlyCollection<string> Languages => Texts.Keys;

    public static Func<string, string> For(string language) =>
        key => Texts.GetValueOrDefault(language, Texts["en"]).GetValueOrDefault(key, key);
}
