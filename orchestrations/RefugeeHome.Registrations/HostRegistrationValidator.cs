using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace RefugeeHome.Registrations;

/// <summary>One field the registrant must correct, with a message in their language.</summary>
/// <param name="Field">The form field.</param>
/// <param name="Message">What is wrong, in the registrant's language.</param>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// Checks a host registration and reports every bad field at once, in the registrant's language (English when the
/// language itself is not offered). Text that could reach an email header may not hold a line break.
/// </summary>
public static class HostRegistrationValidation
{
    private static readonly Dictionary<string, Validator> ByLanguage = RegistrationTexts.Languages.ToDictionary(language => language, language => new Validator(language), StringComparer.Ordinal);

    /// <summary>The fields to correct; empty when the registration is valid.</summary>
    public static IReadOnlyList<FieldError> Validate(HostRegistration registration, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var language = ByLanguage.ContainsKey(registration.Language ?? "") ? registration.Language! : "en";
        var previous = CultureInfo.CurrentUICulture;
        // FluentValidation words its built-in messages in the current UI culture.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var context = new ValidationContext<HostRegistration>(registration);
            context.RootContextData["today"] = today;
            ValidationResult result = ByLanguage[language].Validate(context);
            return result.Errors.Select(error => new FieldError(error.PropertyName, error.ErrorMessage)).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private sealed class Validator : AbstractValidator<HostRegistration>
    {
        public Validator(string language)
        {
            var texts = RegistrationTexts.In(language);
            RuleFor(r => r.SubmissionId).Cascade(CascadeMode.Stop).NotEmpty().Must(id => Guid.TryParse(id, out _)).WithName(texts.Label("SubmissionId"));
            RuleFor(r => r.Language).Must(FieldChecks.IsOffered).WithMessage(texts.Message("Language")).WithName(texts.Label("Language"));
            RuleFor(r => r.FirstName).Name(texts, "FirstName");
            RuleFor(r => r.LastName).Name(texts, "LastName");
            RuleFor(r => r.Email).Email(texts, "Email");
            RuleFor(r => r.Phone).Phone(texts, "Phone");
            RuleFor(r => r.Street).Text(texts, "Street", 200);
            RuleFor(r => r.HouseNumber).Text(texts, "HouseNumber", 20);
            RuleFor(r => r.Postcode).Text(texts, "Postcode", 7).Matches("^[1-9][0-9]{3} ?[A-Za-z]{2}$").WithMessage(texts.Message("Postcode"));
            RuleFor(r => r.Municipality).Municipality(texts);
            RuleFor(r => r.Capacity).InclusiveBetween(1, 20).WithName(texts.Label("Capacity"));
            RuleFor(r => r.AvailableFrom)
                .Must((_, from, context) => from >= ((DateOnly)context.RootContextData["today"]).AddDays(-1))
                .WithMessage(texts.Message("PastDate"))
                .WithName(texts.Label("AvailableFrom"));
            RuleFor(r => r.Languages).SpokenLanguages(texts);
            RuleFor(r => r.AcceptedPets).Choices(texts);
            RuleForEach(r => r.AcceptedPets).IsInEnum();
            RuleFor(r => r.AcceptedHouseholds).Choices(texts);
            RuleForEach(r => r.AcceptedHouseholds).IsInEnum();
            RuleFor(r => r.Accommodation).IsInEnum();
            RuleFor(r => r.AvailableUntil).Must((registration, until) => until is null || until > registration.AvailableFrom)
                .WithMessage(texts.Message("UntilAfterFrom")).WithName(texts.Label("AvailableUntil"));
            RuleFor(r => r.PrivacyConsent).Equal(true).WithMessage(texts.Message("PrivacyConsent"));
        }

    }
}
