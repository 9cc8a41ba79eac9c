using RefugeeHome.Matching;
using RefugeeHome.Registrations;

namespace RefugeeHome.Workflows.Tests;

/// <summary>Registrations a coordinator would recognise.</summary>
internal static class Households
{
    public static HostRegistration Host(string email = "anke@example.org", string postcode = "3511 AB", string phone = "06 12345678", int capacity = 4) => new(
        Guid.NewGuid().ToString(), "nl", "Anke", "de Vries", email, phone, "Oudegracht", "12", postcode, "Utrecht", capacity,
        new DateOnly(2026, 11, 23), null)
    {
        AcceptsChildren = true,
        AcceptedPets = [PetKind.Cat],
        Languages = ["nl", "en"],
        Accommodation = Accommodation.PrivateRoom,
        PrivacyConsent = true,
    };

    /// <summary>Two adults, a child in their custody, and a cat; registered in Dutch by a caseworker, reading <paramref name="language"/>.</summary>
    public static GuestRegistration Family(string language = "uk") => new(
        Guid.NewGuid().ToString(), "nl", "consulent@utrecht.example", "Utrecht", true,
        [new HouseholdMember(34), new HouseholdMember(36), new HouseholdMember(7, Custody.ParentInHousehold, 0)])
    {
        ContactName = "Olena Shevchenko",
        ContactEmail = "olena@example.org",
        HouseholdLanguage = language,
        Pets = [PetKind.Cat],
        Languages = ["uk", "en"],
        PrivacyInformed = true,
    };

    /// <summary>A young adult with a 15-year-old sibling who is not in their custody.</summary>
    public static GuestRegistration UnaccompaniedMinor() => new(
        Guid.NewGuid().ToString(), "nl", "consulent@utrecht.example", "Utrecht", true,
        [new HouseholdMember(19), new HouseholdMember(15, Custody.NoneInHousehold)])
    {
        HouseholdLanguage = "uk",
    };
}
