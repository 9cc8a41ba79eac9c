namespace RefugeeHome.Triggers.Approvals;

/// <summary>The approval pages' own words in Dutch, English, Ukrainian and Russian.</summary>
internal sealed record ApprovalTexts(
    string Confirm,
    string NoteLabel,
    string Recorded,
    string AlreadyRecorded,
    string AnsweredOtherwise,
    string Expired,
    string Superseded,
    string InvalidChoice,
    string Unknown,
    string FormExpired)
{
    private static readonly Dictionary<string, ApprovalTexts> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nl"] = new(
            "Kies uw antwoord. Er gebeurt pas iets als u op een knop drukt.",
            "Toelichting (niet verplicht)",
            "Dank u. Uw antwoord is vastgelegd: {0}. U krijgt per e-mail bericht over de volgende stap.",
            "Dit antwoord was al vastgelegd: {0}. Er is niets veranderd.",
            "Deze vraag is al beantwoord ({0}). Uw nieuwe antwoord is niet vastgelegd. Neem contact op met de coördinator als het eerdere antwoord niet klopt.",
            "Deze link is verlopen. Neem contact op met de coördinator als er nog een antwoord nodig is.",
            "Er is een nieuwere link voor deze vraag verstuurd. Gebruik de link in de meest recente e-mail.",
            "Dit antwoord hoort niet bij deze vraag. Open de link uit de e-mail opnieuw en kies een van de knoppen.",
            "Deze link is niet geldig. Controleer of u de hele link uit de e-mail hebt gebruikt.",
            "Dit formulier is verlopen. Open de link uit de e-mail opnieuw."),
        ["en"] = new(
            "Choose your answer. Nothing happens until you press a button.",
            "Note (optional)",
            "Thank you. Your answer has been recorded: {0}. You will hear about the next step by email.",
            "This answer had already been recorded: {0}. Nothing has changed.",
            "This question has already been answered ({0}). Your new answer was not recorded. Please contact the coordinator if the earlier answer is wrong.",
            "This link has expired. Please contact the coordinator if an answer is still needed.",
            "A newer link has been sent for this question. Please use the link in the most recent email.",
            "This answer does not belong to this question. Open the link from the email again and choose one of the buttons.",
            "This link is not valid. Please check that you used the whole link from the email.",
            "This form has expired. Please open the link from the email again."),
        ["uk"] = new(
            "Оберіть відповідь. Нічого не станеться, доки ви не натиснете кнопку.",
            "Примітка (необов'язково)",
            "Дякуємо. Вашу відповідь записано: {0}. Про наступний крок ви дізнаєтеся електронною поштою.",
            "Цю відповідь уже було записано: {0}. Нічого не змінилося.",
            "На це питання вже відповіли ({0}). Вашу нову відповідь не записано. Зверніться до координатора, якщо попередня відповідь неправильна.",
            "Термін дії цього посилання минув. Зверніться до координатора, якщо відповідь ще потрібна.",
            "Для цього питання надіслано новіше посилання. Скористайтеся посиланням з найновішого листа.",
            "Ця відповідь не стосується цього питання. Відкрийте посилання з листа ще раз і оберіть одну з кнопок.",
            "Це посилання недійсне. Перевірте, чи ви використали повне посилання з листа.",
            "Термін дії цієї форми минув. Відкрийте посилання з листа ще раз."),
        ["ru"] = new(
            "Выберите ответ. Ничего не произойдёт, пока вы не нажмёте кнопку.",
            "Примечание (необязательно)",
            "Спасибо. Ваш ответ записан: {0}. О следующем шаге вы узнаете по электронной почте.",
            "Этот ответ уже был записан: {0}. Ничего не изменилось.",
            "На этот вопрос уже ответили ({0}). Ваш новый ответ не записан. Свяжитесь с координатором, если прежний ответ неверен.",
            "Срок действия этой ссылки истёк. Свяжитесь с координатором, если ответ ещё нужен.",
            "Для этого вопроса отправлена более новая ссылка. Используйте ссылку из последнего письма.",
            "Этот ответ не относится к этому вопросу. Откройте ссылку из письма ещё раз и выберите одну из кнопок.",
            "Эта ссылка недействительна. Проверьте, что вы использовали полную ссылку из письма.",
            "Срок действия этой формы истёк. Откройте ссылку из письма ещё раз."),
    };

    public static IReadOnlyCollection<string> Languages => ByLanguage.Keys;

    /// <summary>The texts of <paramref name="language"/>, English when it is not one of the four.</summary>
    public static (string Language, ApprovalTexts Texts) For(string? language) =>
        language is not null && ByLanguage.TryGetValue(language, out var texts) ? (language.ToLowerInvariant(), texts) : ("en", ByLanguage["en"]);
}
