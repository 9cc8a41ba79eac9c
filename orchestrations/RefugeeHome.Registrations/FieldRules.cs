using FluentValidation;

// Oblivious to nullability, as FluentValidation's own rule builders are, so one rule serves required and optional fields.
#nullable disable annotations

namespace RefugeeHome.Registrations;

/// <summary>The rules the forms apply to each kind of field, with their messages in the form's language.</summary>
internal static class FieldRules
{
    /// <summary>The most members a household registers; more is a mistake, not a household.</summary>
    public const int MaxMembers = 20;

    /// <summary>Text of at most <paramref name="maxLength"/> characters, with no control character or mark that reorders text; required unless <paramref name="optional"/>.</summary>
    public static IRuleBuilderOptions<T, string> Text<T>(
        this IRuleBuilderInitial<T, string> rule, RegistrationTexts texts, string field, int maxLength, bool optional = false)
    {
        var required = rule.Cascade(CascadeMode.Stop);
        var checkedText = optional ? required.MaximumLength(maxLength) : required.NotEmpty().MaximumLength(maxLength);
        return checkedText.Must(value => TypedText.IsClean(value)).WithMessage(texts.Message("Characters")).WithName(texts.Label(field));
    }

    /// <summary>A person's name: text that holds letters.</summary>
    public static IRuleBuilderOptions<T, string> Name<T>(this IRuleBuilderInitial<T, string> rule, RegistrationTexts texts, string field) =>
        rule.Text(texts, field, 100).Must(TypedText.HasLetters).WithMessage(texts.Message("Letters")).WithName(texts.Label(field));

    /// <summary>An email address a mail service delivers to; required unless <paramref name="optional"/>.</summary>
    public static IRuleBuilderOptions<T, string> Email<T>(this IRuleBuilderInitial<T, string> rule, RegistrationTexts texts, string field, bool optional = false) =>
        rule.Text(texts, field, 254, optional).Must(TypedText.IsEmailAddress).WithMessage(texts.Message("Email")).WithName(texts.Label(field));

    /// <summary>A phone number, Dutch or international; required unless <paramref name="optional"/>.</summary>
    public static IRuleBuilderOptions<T, string> Phone<T>(this IRuleBuilderInitial<T, string> rule, RegistrationTexts texts, string field, bool optional = false) =>
        rule.Text(texts, field, 30, optional).Must(FieldChecks.IsPhone).WithMessage(texts.Message("Phone")).WithName(texts.Label(field));

    /// <summary>A required municipality of the country's list.</summary>
    public static IRuleBuilderOptions<T, string> Municipality<T>(this IRuleBuilderInitial<T, string> rule, RegistrationTexts texts, string field = "Municipality", bool optional = false) =>
        rule.Text(texts, field, 100, optional).Must(FieldChecks.IsMunicipality).WithMessage(texts.Message("UnknownMunicipality")).WithName(texts.Label(field));

    /// <summary>The languages a household speaks, each one the forms offer, each once.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> SpokenLanguages<T>(this IRuleBuilderInitial<T, IReadOnlyList<string>> rule, RegistrationTexts texts) =>
        rule.Must(languages => FieldChecks.AreSpoken(languages) && languages.Distinct(StringComparer.Ordinal).Count() == languages.Count)
            .WithMessage(texts.Message("SpokenLanguage")).WithName(texts.Label("Languages"));

    /// <summary>A list of choices that names each at most once; each is checked against its enum on its own.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TChoice>> Choices<T, TChoice>(this IRuleBuilderInitial<T, IReadOnlyList<TChoice>> rule, RegistrationTexts texts) =>
        rule.Cascade(CascadeMode.Stop).NotNull().Must(values => values.Distinct().Count() == values.Count).WithMessage(texts.Message("Choices"));
}
