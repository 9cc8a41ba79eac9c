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
    private static readonly Dictionary<string, Validator> ByLanguage = FieldNames.Languages.ToDictionary(language => language, language => new Validator(language), StringComparer.Ordinal);

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
        private static readonly Dictionary<string, (string Custody, string Custodian, string NoMembers)> Messages = new(StringComparer.Ordinal)
        {
            ["nl"] = ("Vraag en vul in wie het gezag heeft over dit kind.", "Kies als ouder of voogd een volwassene uit dit huishouden.", "Voeg de leden van het huishouden toe."),
            ["en"] = ("Ask and record who has custody of this child.", "Choose an adult of this household as parent or guardian.", "Add the members of the household."),
            ["uk"] = ("Запитайте та вкажіть, хто має опіку над цією дитиною.", "Оберіть дорослого з цього домогосподарства як батька, матір або опікуна.", "Додайте членів домогосподарства."),
            ["ru"] = ("Спросите и укажите, кто имеет опеку над этим ребёнком.", "Выберите взрослого из этого домохозяйства в качестве родителя или опекуна.", "Добавьте членов домохозяйства."),
        };

        public Validator(string language)
        {
            var messages = Messages[language];
            RuleFor(r => r.SubmissionId).NotEmpty().Must(id => Guid.TryParse(id, out _)).WithName(FieldNames.Label(language, "SubmissionId"));
            RuleFor(r => r.Language).Must(FieldNames.IsOffered).WithMessage(FieldNames.MessagesIn(language).Language).WithName(FieldNames.Label(language, "Language"));
            RuleFor(r => r.HouseholdLanguage).Must(FieldNames.IsOffered).WithMessage(FieldNames.MessagesIn(language).Language).WithName(FieldNames.Label(language, "HouseholdLanguage"));
            RuleFor(r => r.CaseworkerEmail).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(254)
                .Must(FieldNames.HasNoLineBreak)
                .WithMessage(FieldNames.MessagesIn(language).LineBreak).EmailAddress().WithName(FieldNames.Label(language, "Email"));
            RuleFor(r => r.Municipality).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(100)
                .Must(FieldNames.HasNoLineBreak)
                .WithMessage(FieldNames.MessagesIn(language).LineBreak)
                .Must(FieldNames.IsMunicipality).WithMessage(FieldNames.UnknownMunicipalityMessage(language)).WithName(FieldNames.Label(language, "Municipality"));
            RuleFor(r => r.ContactName).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(100)
                .Must(FieldNames.HasNoLineBreak).WithMessage(FieldNames.MessagesIn(language).LineBreak).WithName(FieldNames.Label(language, "ContactName"));
            RuleFor(r => r.ContactPhone).Cascade(CascadeMode.Stop).MaximumLength(30)
                .Matches(@"^\+?[0-9 ()\-]{9,20}$").When(r => !string.IsNullOrEmpty(r.ContactPhone))
                .WithMessage(FieldNames.MessagesIn(language).Phone).WithName(FieldNames.Label(language, "ContactPhone"));
            RuleFor(r => r.ContactEmail).Cascade(CascadeMode.Stop).MaximumLength(254)
                .Must(FieldNames.HasNoLineBreak).WithMessage(FieldNames.MessagesIn(language).LineBreak)
                .EmailAddress().When(r => !string.IsNullOrEmpty(r.ContactEmail)).WithName(FieldNames.Label(language, "ContactEmail"));
            RuleFor(r => r.PreferredMunicipality).Cascade(CascadeMode.Stop).MaximumLength(100)
                .Must(FieldNames.HasNoLineBreak).WithMessage(FieldNames.MessagesIn(language).LineBreak)
                .Must(FieldNames.IsMunicipality).WithMessage(FieldNames.UnknownMunicipalityMessage(language)).WithName(FieldNames.Label(language, "PreferredMunicipality"));
            RuleFor(r => r.Languages).Must(FieldNames.AreSpoken)
                .WithMessage(FieldNames.SpokenLanguageMessage(language)).WithName(FieldNames.Label(language, "Languages"));
            RuleFor(r => r.Pets).NotNull();
            RuleForEach(r => r.Pets).IsInEnum();
            RuleFor(r => r.WishedAccommodation).IsInEnum();
            RuleFor(r => r.Members).NotEmpty().WithMessage(messages.NoMembers);
            RuleForEach(r => r.Members).NotNull().ChildRules(member =>
            {
                member.RuleFor(m => m.Age).InclusiveBetween(0, 120);
                member.RuleFor(m => m.Custody).IsInEnum();
                member.RuleFor(m => m.Custody).NotEqual(Custody.NotRecorded).When(m => m.IsMinor).WithMessage(messages.Custody);
            });
            RuleForEach(r => r.Members)
                .Must((registration, member) => member is null || !NamesCustodian(member) || registration.IsAdultMember(member.CustodianIndex))
                .WithMessage(messages.Custodian);
        }
    }
}
