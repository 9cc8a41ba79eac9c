using System.Globalization;
using FluentValidation;

namespace RefugeeHome.Registrations;

/// <summary>
/// Checks a guest registration and reports every bad field in the language of the caseworker's form. Custody must be
/// recorded for every child; a minor recorded without a parent or guardian in the household is valid (it is a fact to
/// act on), and <see cref="GuestRegistration.UnaccompaniedMinors"/> then routes the case to guardianship.
/// </summary>
public static class GuestRegistrationValidation
{
    private static readonly Dictionary<string, Validator> ByLanguage = RegistrationTexts.Languages.ToDictionary(language => language, language => new Validator(language), StringComparer.Ordinal);

    /// <summary>The fields to correct; empty when the registration is valid.</summary>
    public static IReadOnlyList<FieldError> Validate(GuestRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var language = ByLanguage.ContainsKey(registration.Language ?? "") ? registration.Language! : "en";
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return ByLanguage[language].Validate(registration).Errors.Select(error => new FieldError(error.PropertyName, error.ErrorMessage)).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static bool NamesCustodian(HouseholdMember member) =>
        member.IsMinor && member.Custody is Custody.ParentInHousehold or Custody.GuardianInHousehold;

    private sealed class Validator : AbstractValidator<GuestRegistration>
    {
        public Validator(string language)
        {
            var texts = RegistrationTexts.In(language);
            RuleFor(r => r.SubmissionId).Cascade(CascadeMode.Stop).NotEmpty().Must(id => Guid.TryParse(id, out _)).WithName(texts.Label("SubmissionId"));
            RuleFor(r => r.Language).Must(FieldChecks.IsOffered).WithMessage(texts.Message("Language")).WithName(texts.Label("Language"));
            RuleFor(r => r.HouseholdLanguage).Must(FieldChecks.IsOffered).WithMessage(texts.Message("Language")).WithName(texts.Label("HouseholdLanguage"));
            RuleFor(r => r.CaseworkerEmail).Email(texts, "Email");
            RuleFor(r => r.Municipality).Municipality(texts);
            RuleFor(r => r.ContactName).Name(texts, "ContactName");
            RuleFor(r => r.ContactPhone).Phone(texts, "ContactPhone", optional: true);
            RuleFor(r => r.ContactEmail).Email(texts, "ContactEmail", optional: true);
            RuleFor(r => r.PreferredMunicipality).Municipality(texts, "PreferredMunicipality", optional: true);
            RuleFor(r => r.Languages).SpokenLanguages(texts);
            RuleFor(r => r.Pets).Choices(texts);
            RuleForEach(r => r.Pets).IsInEnum();
            RuleFor(r => r.WishedAccommodation).IsInEnum();
            RuleFor(r => r.Members).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(texts.Message("NoMembers"))
                .Must(members => members.Count <= FieldRules.MaxMembers).WithMessage(texts.Message("TooManyMembers"));
            RuleForEach(r => r.Members).NotNull().ChildRules(member =>
            {
                member.RuleFor(m => m.Age).InclusiveBetween(0, 120);
                member.RuleFor(m => m.Custody).IsInEnum();
                member.RuleFor(m => m.Custody).NotEqual(Custody.NotRecorded).When(m => m.IsMinor).WithMessage(texts.Message("Custody"));
            });
            RuleForEach(r => r.Members)
                .Must((registration, member) => member is null || !NamesCustodian(member) || registration.IsAdultMember(member.CustodianIndex))
                .WithMessage(texts.Message("Custodian"));
            RuleFor(r => r.PrivacyInformed).Equal(true).WithMessage(texts.Message("PrivacyInformed"));
        }
    }
}
