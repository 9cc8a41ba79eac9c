using FluentValidation;

namespace RefugeeHome.Registrations;

/// <summary>The rules more than one form applies to the same kind of field, with their messages in the form's language.</summary>
internal static class FieldRules
{
    /// <summary>A required municipality of the country's list.</summary>
    public static IRuleBuilderOptions<T, string> Municipality<T>(this IRuleBuilderInitial<T, string> rule, RegistrationTexts texts, string field = "Municipality") =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(100)
            .Must(FieldChecks.HasNoLineBreak).WithMessage(texts.Message("LineBreak"))
            .Must(FieldChecks.IsMunicipality).WithMessage(texts.Message("UnknownMunicipality")).WithName(texts.Label(field));

    /// <summary>The languages a household speaks, each one the forms offer.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> SpokenLanguages<T>(this IRuleBuilderInitial<T, IReadOnlyList<string>> rule, RegistrationTexts texts) =>
        rule.Must(FieldChecks.AreSpoken).WithMessage(texts.Message("SpokenLanguage")).WithName(texts.Label("Languages"));
}
