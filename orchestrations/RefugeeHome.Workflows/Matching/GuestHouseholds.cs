using RefugeeHome.Matching;
using RefugeeHome.Registrations;
using RefugeeHome.Matching.Municipalities;

namespace RefugeeHome.Workflows.Matching;

/// <summary>A registered guest household as matching sees it: sizes, needs and wishes, no names.</summary>
internal static class GuestHouseholds
{
    public static GuestHousehold From(GuestRecord guest, IReadOnlySet<string> declined, DateOnly today)
    {
        var registration = guest.Registration;
        var wished = registration.PreferredMunicipality is { Length: > 0 } preferred ? preferred : null;
        return new GuestHousehold(
            guest.GuestId, registration.Adults, registration.Minors, !registration.MayBeMatched, registration.EligibilityRecorded,
            registration.Kind, registration.Pets.ToHashSet(), registration.NeedsStepFree, registration.Languages.ToHashSet(StringComparer.Ordinal),
            wished is null ? null : MunicipalityNames.Default.Normalize(wished),
            wished is null ? null : MunicipalityNames.Default.ProvinceOf(wished),
            guest.WaitingSince ?? today, registration.WishedAccommodation, registration.Smokers, guest.RematchPriority, declined)
        {
            PreferredPosition = wished is null ? null : PositionOf(wished),
        };
    }

    /// <summary>The region a household is counted in: the province it wishes to live in, else its registering municipality's.</summary>
    public static string RegionOf(GuestRecord guest) =>
        MunicipalityNames.Default.ProvinceOf(guest.Registration.PreferredMunicipality is { Length: > 0 } wished ? wished : guest.Registration.Municipality) ?? "";

    /// <summary>Where a municipality on the list lies, for distances; null for one not on it.</summary>
    public static GeoPoint? PositionOf(string municipality) =>
        MunicipalityNames.Default.PositionOf(municipality) is { } position ? new GeoPoint(position.Latitude, position.Longitude) : null;
}
