using RefugeeHome.Matching.Municipalities;

namespace RefugeeHome.Registrations;

/// <summary>The form's field labels in Dutch, English, Ukrainian and Russian, for error messages.</summary>
internal static class FieldNames
{
    private static readonly Dictionary<string, Dictionary<string, string>> Labels = new(StringComparer.Ordinal)
    {
        ["nl"] = new() { ["ContactName"] = "Naam contactpersoon", ["ContactPhone"] = "Telefoonnummer van het huishouden", ["HouseholdLanguage"] = "Taal van het huishouden", ["SubmissionId"] = "Formuliernummer", ["Language"] = "Taal", ["FirstName"] = "Voornaam", ["LastName"] = "Achternaam", ["Email"] = "E-mailadres", ["Phone"] = "Telefoonnummer", ["Street"] = "Straat", ["HouseNumber"] = "Huisnummer", ["Postcode"] = "Postcode", ["Municipality"] = "Gemeente", ["Capacity"] = "Aantal personen", ["AvailableFrom"] = "Beschikbaar vanaf", ["AvailableUntil"] = "Beschikbaar tot", ["Languages"] = "Talen", ["ContactEmail"] = "E-mailadres van het huishouden", ["PreferredMunicipality"] = "Gewenste gemeente" },
        ["en"] = new() { ["ContactName"] = "Contact person's name", ["ContactPhone"] = "Household phone number", ["HouseholdLanguage"] = "The household's language", ["SubmissionId"] = "Form number", ["Language"] = "Language", ["FirstName"] = "First name", ["LastName"] = "Last name", ["Email"] = "Email address", ["Phone"] = "Phone number", ["Street"] = "Street", ["HouseNumber"] = "House number", ["Postcode"] = "Postcode", ["Municipality"] = "Municipality", ["Capacity"] = "Number of people", ["AvailableFrom"] = "Available from", ["AvailableUntil"] = "Available until", ["Languages"] = "Languages", ["ContactEmail"] = "Household email address", ["PreferredMunicipality"] = "Preferred municipality" },
        ["uk"] = new() { ["ContactName"] = "Ім'я контактної особи", ["ContactPhone"] = "Номер телефону домогосподарства", ["HouseholdLanguage"] = "Мова домогосподарства", ["SubmissionId"] = "Номер форми", ["Language"] = "Мова", ["FirstName"] = "Ім'я", ["LastName"] = "Прізвище", ["Email"] = "Електронна пошта", ["Phone"] = "Номер телефону", ["Street"] = "Вулиця", ["HouseNumber"] = "Номер будинку", ["Postcode"] = "Поштовий індекс", ["Municipality"] = "Громада", ["Capacity"] = "Кількість осіб", ["AvailableFrom"] = "Доступно з", ["AvailableUntil"] = "Доступно до", ["Languages"] = "Мови", ["ContactEmail"] = "Електронна пошта домогосподарства", ["PreferredMunicipality"] = "Бажана громада" },
        ["ru"] = new() { ["ContactName"] = "Имя контактного лица", ["ContactPhone"] = "Номер телефона домохозяйства", ["HouseholdLanguage"] = "Язык домохозяйства", ["SubmissionId"] = "Номер формы", ["Language"] = "Язык", ["FirstName"] = "Имя", ["LastName"] = "Фамилия", ["Email"] = "Электронная почта", ["Phone"] = "Номер телефона", ["Street"] = "Улица", ["HouseNumber"] = "Номер дома", ["Postcode"] = "Почтовый индекс", ["Municipality"] = "Муниципалитет", ["Capacity"] = "Количество человек", ["AvailableFrom"] = "Доступно с", ["AvailableUntil"] = "Доступно до", ["Languages"] = "Языки", ["ContactEmail"] = "Электронная почта домохозяйства", ["PreferredMunicipality"] = "Желаемый муниципалитет" },
    };

    private static readonly Dictionary<string, (string LineBreak, string Postcode, string Phone, string UntilAfterFrom, string Language)> Messages = new(StringComparer.Ordinal)
    {
        ["nl"] = ("'{PropertyName}' mag geen regeleinde bevatten.", "'{PropertyName}' moet een Nederlandse postcode zijn, zoals 1234 AB.", "'{PropertyName}' moet een telefoonnummer zijn, zoals 06 12345678 of +380 50 1234567.", "'{PropertyName}' moet na 'Beschikbaar vanaf' liggen.", "Kies Nederlands, Engels, Oekraïens of Russisch."),
        ["en"] = ("'{PropertyName}' must not contain a line break.", "'{PropertyName}' must be a Dutch postcode, such as 1234 AB.", "'{PropertyName}' must be a phone number, such as 06 12345678 or +380 50 1234567.", "'{PropertyName}' must be after 'Available from'.", "Choose Dutch, English, Ukrainian or Russian."),
        ["uk"] = ("'{PropertyName}' не може містити розрив рядка.", "'{PropertyName}' має бути нідерландським поштовим індексом, наприклад 1234 AB.", "'{PropertyName}' має бути номером телефону, наприклад 06 12345678 або +380 50 1234567.", "'{PropertyName}' має бути пізніше, ніж 'Доступно з'.", "Оберіть нідерландську, англійську, українську або російську."),
        ["ru"] = ("'{PropertyName}' не может содержать перенос строки.", "'{PropertyName}' должен быть нидерландским почтовым индексом, например 1234 AB.", "'{PropertyName}' должен быть номером телефона, например 06 12345678 или +380 50 1234567.", "'{PropertyName}' должно быть позже, чем 'Доступно с'.", "Выберите нидерландский, английский, украинский или русский."),
    };

    private static readonly Dictionary<string, string> SpokenLanguageMessages = new(StringComparer.Ordinal)
    {
        ["nl"] = "Kies bij '{PropertyName}' uit Nederlands, Engels, Oekraïens, Russisch of een andere taal.",
        ["en"] = "Choose '{PropertyName}' from Dutch, English, Ukrainian, Russian or another language.",
        ["uk"] = "Оберіть '{PropertyName}' серед нідерландської, англійської, української, російської або іншої мови.",
        ["ru"] = "Выберите '{PropertyName}' из нидерландского, английского, украинского, русского или другого языка.",
    };

    private static readonly Dictionary<string, string> UnknownMunicipalityMessages = new(StringComparer.Ordinal)
    {
        ["nl"] = "'{PropertyValue}' is geen Nederlandse gemeente. Kies een gemeente uit de lijst, zoals 's-Gravenhage of Súdwest-Fryslân.",
        ["en"] = "'{PropertyValue}' is not a Dutch municipality. Choose one from the list, such as 's-Gravenhage or Súdwest-Fryslân.",
        ["uk"] = "'{PropertyValue}' — не нідерландська громада. Оберіть громаду зі списку, наприклад 's-Gravenhage або Súdwest-Fryslân.",
        ["ru"] = "'{PropertyValue}' — не нидерландский муниципалитет. Выберите муниципалитет из списка, например 's-Gravenhage или Súdwest-Fryslân.",
    };

    /// <summary>Languages a household can say it speaks; <c>other</c> stands for the rest.</summary>
    public static readonly IReadOnlySet<string> Spoken = new HashSet<string>(StringComparer.Ordinal) { "nl", "en", "uk", "ru", "other" };

    public static IReadOnlyCollection<string> Languages => Labels.Keys;

    public static string SpokenLanguageMessage(string language) => SpokenLanguageMessages[language];

    public static string UnknownMunicipalityMessage(string language) => UnknownMunicipalityMessages[language];

    /// <summary>Whether <paramref name="municipality"/> is one of the country's municipalities; an empty one is left to the required check.</summary>
    public static bool IsMunicipality(string? municipality) => string.IsNullOrWhiteSpace(municipality) || MunicipalityNames.Default.IsListed(municipality);

    /// <summary>Whether <paramref name="language"/> is one the pages and emails are written in; null is not.</summary>
    public static bool IsOffered(string? language) => language is not null && Labels.ContainsKey(language);

    /// <summary>Whether every entry of <paramref name="languages"/> is a spoken language the forms offer; a missing list is not.</summary>
    public static bool AreSpoken(IReadOnlyList<string>? languages) => languages is not null && languages.All(language => language is not null && Spoken.Contains(language));

    public static bool HasNoLineBreak(string? value) => value is null || (!value.Contains('\r', StringComparison.Ordinal) && !value.Contains('\n', StringComparison.Ordinal));

    public static string Label(string language, string field) => Labels[language][field];

    public static (string LineBreak, string Postcode, string Phone, string UntilAfterFrom, string Language) MessagesIn(string language) => Messages[language];
}
