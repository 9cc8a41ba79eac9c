using System.Globalization;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Matching;
using RefugeeHome.Registrations;
using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Triggers.Registrations;

/// <summary>
/// Reads a posted registration form into the registration the JSON API takes, noting the numbers and dates that
/// cannot be read; the validation of the registration itself is the API's.
/// </summary>
internal static class RegistrationFormReader
{
    public static HostRegistration ReadHost(IFormCollection form, PageText text, List<FieldError> errors) =>
        new(form["submissionId"].ToString(), form["language"].ToString(), form["firstName"].ToString(), form["lastName"].ToString(),
            form["email"].ToString(), form["phone"].ToString(), form["street"].ToString(), form["houseNumber"].ToString(), form["postcode"].ToString(),
            form["municipality"].ToString(), Number(form, "capacity", text, errors) ?? 0, Date(form, "availableFrom", text, errors) ?? DateOnly.MinValue,
            Date(form, "availableUntil", text, errors))
        {
            AcceptsChildren = IsOn(form, "acceptsChildren"),
            AcceptedPets = Enums<PetKind>(form, "acceptedPets"),
            StepFree = IsOn(form, "stepFree"),
            Languages = form["languages"].Select(value => value ?? "").ToList(),
            Accommodation = Enum.TryParse<Accommodation>(form["accommodation"].ToString(), out var accommodation) ? accommodation : Accommodation.PrivateRoom,
            SmokeFree = IsOn(form, "smokeFree"),
            AcceptedHouseholds = Enums<HouseholdKind>(form, "acceptedHouseholds"),
            WelcomesFamilies = IsOn(form, "welcomesFamilies"),
            PrivacyConsent = IsOn(form, "privacyConsent"),
        };

    public static GuestRegistration ReadGuest(IFormCollection form, PageText text, List<FieldError> errors)
    {
        var members = new List<HouseholdMember>();
        for (var row = 0; row < MemberTable.Rows; row++)
        {
            if (Number(form, $"members[{row}].age", text, errors) is not { } age)
            {
                continue;
            }

            var custodian = Number(form, $"members[{row}].custodian", text, errors);
            members.Add(new HouseholdMember(age,
                Enum.TryParse<Custody>(form[$"members[{row}].custody"].ToString(), out var custody) ? custody : Custody.NotRecorded,
                custodian is { } number ? number - 1 : null));
        }

        return new GuestRegistration(form["submissionId"].ToString(), form["language"].ToString(), form["caseworkerEmail"].ToString(),
            form["municipality"].ToString(), IsOn(form, "eligibilityRecorded"), members)
        {
            ContactName = form["contactName"].ToString().Trim(),
            ContactPhone = NullIfBlank(form["contactPhone"].ToString()),
            ContactEmail = NullIfBlank(form["contactEmail"].ToString()),
            HouseholdLanguage = form["householdLanguage"].ToString(),
            PreferredMunicipality = NullIfBlank(form["preferredMunicipality"].ToString()),
            Languages = form["languages"].Select(value => value ?? "").ToList(),
            Pets = Enums<PetKind>(form, "pets"),
            NeedsStepFree = IsOn(form, "needsStepFree"),
            Smokers = IsOn(form, "smokers"),
            WomenAndChildrenOnly = IsOn(form, "womenAndChildrenOnly"),
            WishedAccommodation = Enum.TryParse<Accommodation>(form["wishedAccommodation"].ToString(), out var wished) ? wished : Accommodation.PrivateRoom,
            PrivacyInformed = IsOn(form, "privacyInformed"),
        };
    }

    private static bool IsOn(IFormCollection form, string name) => form[name].Any(value => value is "true" or "on");

    private static List<T> Enums<T>(IFormCollection form, string name)
        where T : struct, Enum =>
        form[name].Select(value => Enum.TryParse<T>(value, out var parsed) ? parsed : (T?)null).OfType<T>().ToList();

    private static int? Number(IFormCollection form, string name, PageText text, List<FieldError> errors)
    {
        var raw = form[name].ToString().Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new FieldError(name, string.Format(CultureInfo.InvariantCulture, text["notNumber"], raw)));
        return null;
    }

    private static DateOnly? Date(IFormCollection form, string name, PageText text, List<FieldError> errors)
    {
        var raw = form[name].ToString().Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new FieldError(name, string.Format(CultureInfo.InvariantCulture, text["notDate"], raw)));
        return null;
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
