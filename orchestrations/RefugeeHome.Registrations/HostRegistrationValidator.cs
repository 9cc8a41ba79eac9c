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
    private static readonly Dictionary<string, Validator> ByLanguage = FieldNames.Languages.ToDictionary(language => language, language => new Validator(language), StringComparer.Ordinal);

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
            var messages = FieldNames.MessagesIn(language);
            RuleFor(r => r.SubmissionId).NotEmpty().Must(id => Guid.TryParse(id, out _)).WithName(FieldNames.Label(language, "SubmissionId"));
            RuleFor(r => r.Language).Must(FieldNames.IsOffered).WithMessage(messages.Language).WithName(FieldNames.Label(language, "Language"));
            Text(RuleFor(r => r.FirstName), language, "FirstName", 100, messages.LineBreak);
            Text(RuleFor(r => r.LastName), language, "LastName", 100, messages.LineBreak);
            Text(RuleFor(r => r.Email), language, "Email", 254, messages.LineBreak).EmailAddress();
            Text(RuleFor(r => r.Phone), language, "Phone", 30, messages.LineBreak).Matches(@"^\+?[0-9 ()\-]{9,20}$").WithMessage(messages.Phone);
            Text(RuleFor(r => r.Street), language, "Street", 200, messages.LineBreak);
            Text(RuleFor(r => r.HouseNumber), language, "HouseNumber", 20, messages.LineBreak);
            Text(RuleFor(r => r.Postcode), language, "Postcode", 7, messages.LineBreak).Matches("^[1-9][0-9]{3} ?[A-Za-z]{2}$").WithMessage(messages.Postcode);
            Text(RuleFor(r => r.Municipality), language, "Municipality", 100, messages.LineBreak)
                .Must(FieldNames.IsMunicipality).WithMessage(FieldNames.UnknownMunicipalityMessage(language));
            RuleFor(r => r.Capacity).InclusiveBetween(1, 20).WithName(FieldNames.Label(language, "Capacity"));
            RuleFor(r => r.AvailableFrom)
                .Must((_, from, context) => from >= ((DateOnly)context.RootContextData["today"]).AddDays(-1))
                .WithMessage(language switch
                {
                    "nl" => "'{PropertyName}' mag niet in het verleden liggen.",
                    "uk" => "'{PropertyName}' не може бути в минулому.",
                    "ru" => "'{PropertyName}' не может быть в прошлом.",
                    _ => "'{PropertyName}' cannot be in the past.",
                })
                .WithName(FieldNames.Label(language, "AvailableFrom"));
            RuleFor(r => r.Languages).Must(FieldNames.AreSpoken)
                .WithMessage(FieldNames.SpokenLanguageMessage(language)).WithName(FieldNames.Label(language, "Languages"));
            RuleFor(r => r.AcceptedPets).NotNull();
            RuleForEach(r => r.AcceptedPets).IsInEnum();
            RuleFor(r => r.AcceptedHouseholds).NotNull();
            RuleForEach(r => r.AcceptedHouseholds).IsInEnum();
            RuleFor(r => r.Accommodation).IsInEnum();
            RuleFor(r => r.AvailableUntil).Must((registration, until) => until is null || until > registration.AvailableFrom)
                .WithMessage(messages.UntilAfterFrom).WithName(FieldNames.Label(language, "AvailableUntil"));
        }

        private static IRuleBuilderOptions<HostRegistration, string> Text(
            IRuleBuilderInitial<HostRegistration, string> rule, string language, string field, int maxLength, string lineBreakMessage) =>
            rule.Cascade(CascadeMode.Stop)
                .NotEmpty().WithName(FieldNames.Label(language, field))
                .MaximumLength(maxLength).WithName(FieldNames.Label(language, field))
                .Must(value => !value.Contains('\r', StringComparison.Ordinal) && !value.Contains('\n', StringComparison.Ordinal))
                .WithMessage(lineBreakMessage).WithName(FieldNames.Label(language, field));
    }
}
