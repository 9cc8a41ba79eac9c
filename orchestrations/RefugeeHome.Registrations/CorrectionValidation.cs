using System.Globalization;
using FluentValidation;

namespace RefugeeHome.Registrations;

/// <summary>
/// Checks a correction with the rules the registration forms apply to the same fields, in the language of the staff
/// member's page, and reports every bad field at once.
/// </summary>
public static class CorrectionValidation
{
    private static readonly Dictionary<string, (HostValidator Host, GuestValidator Guest)> ByLanguage =
        RegistrationTexts.Languages.ToDictionary(language => language, language => (new HostValidator(language), new GuestValidator(language)), StringComparer.Ordinal);

    /// <summary>The fields to correct in <paramref name="correction"/>; empty when it is valid.</summary>
    public static IReadOnlyList<FieldError> Validate(HostCorrection correction, string language) =>
        Run(language, validators => validators.Host.Validate(correction ?? throw new ArgumentNullException(nameof(correction))));

    /// <summary>The fields to correct in <paramref name="correction"/>; empty when it is valid.</summary>
    public static IReadOnlyList<FieldError> Validate(GuestCorrection correction, string language) =>
        Run(language, validators => validators.Guest.Validate(correction ?? throw new ArgumentNullException(nameof(correction))));

    private static List<FieldError> Run(string language, Func<(HostValidator Host, GuestValidator Guest), FluentValidation.Results.ValidationResult> validate)
    {
        var offered = ByLanguage.ContainsKey(language) ? language : "en";
        var previous = CultureInfo.CurrentUICulture;
        // FluentValidation words its built-in messages in the current UI culture.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(offered);
        try
        {
            return validate(ByLanguage[offered]).Errors.Select(error => new FieldError(error.PropertyName, error.ErrorMessage)).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private sealed class HostValidator : AbstractValidator<HostCorrection>
    {
        public HostValidator(string language)
        {
            var texts = RegistrationTexts.In(language);
            RuleFor(c => c.Municipality).Municipality(texts);
            RuleFor(c => c.Languages).SpokenLanguages(texts);
            RuleFor(c => c.Email).Email(texts, "Email");
            RuleFor(c => c.Phone).Phone(texts, "Phone");
        }
    }

    private sealed class GuestValidator : AbstractValidator<GuestCorrection>
    {
        public GuestValidator(string language)
        {
            var texts = RegistrationTexts.In(language);
            RuleFor(c => c.Municipality).Municipality(texts);
            RuleFor(c => c.HouseholdLanguage).Must(FieldChecks.IsOffered).WithMessage(texts.Message("Language")).WithName(texts.Label("HouseholdLanguage"));
            RuleFor(c => c.Languages).SpokenLanguages(texts);
            RuleFor(c => c.ContactEmail).Email(texts, "ContactEmail", optional: true);
            RuleFor(c => c.ContactPhone).Phone(texts, "ContactPhone", optional: true);
        }
    }
}
