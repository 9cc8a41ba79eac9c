using FsCheck;
using FsCheck.Fluent;

namespace RefugeeHome.Matching.Tests;

/// <summary>
/// Random host and guest households for property tests. Mostly permissive, as real registrations are, so most
/// scenarios have proposals; every rule still fails often enough to be exercised.
/// </summary>
internal static class Populations
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string[] Municipalities = ["Amsterdam", "Zaanstad", "Eindhoven", "Rotterdam", "Elsewhere"];

    // Where the listed municipalities lie; "Elsewhere" is not on the list, so it has no position.
    private static readonly Dictionary<string, GeoPoint> Positions = new()
    {
        ["Amsterdam"] = new(52.373, 4.893), ["Zaanstad"] = new(52.439, 4.826), ["Eindhoven"] = new(51.441, 5.478), ["Rotterdam"] = new(51.922, 4.479),
    };
    private static readonly string[] Regions = ["Noord-Holland", "Noord-Brabant", "Zuid-Holland"];
    private static readonly string[] Languages = ["nl", "en", "uk", "ru", "other"];

    public static Gen<HostOffer> Host(int index) =>
        from capacity in Gen.Choose(1, 7)
        from acceptsChildren in Likely(80)
        from childSafetyScreened in Likely(80)
        from stepFree in Likely(50)
        from smokeFree in Likely(50)
        from welcomesFamilies in Likely(50)
        from pets in SomeOf(Enum.GetValues<PetKind>(), 60)
        from fromOffset in Gen.Choose(-60, 10)
        from openEnded in Likely(50)
        from untilOffset in Gen.Choose(0, 200)
        from households in SomeOf(Enum.GetValues<HouseholdKind>(), 85)
        from languages in SomeOf(Languages, 40)
        from accommodation in Gen.Elements(Enum.GetValues<Accommodation>())
        from municipality in Gen.Elements(Municipalities)
        from region in Gen.Elements(Regions)
        from declinedGuest in Likely(5)
        select new HostOffer(
            $"host-{index:D3}", municipality, region, capacity, acceptsChildren, childSafetyScreened, pets, stepFree,
            Today.AddDays(fromOffset), openEnded ? null : Today.AddDays(untilOffset), households, languages, accommodation,
            smokeFree, welcomesFamilies, declinedGuest ? new HashSet<string> { "guest-1" } : new HashSet<string>())
        {
            Position = PositionOf(municipality),
        };

    public static Gen<GuestHousehold> Guest() =>
        from adults in Gen.Choose(1, 3)
        from minors in Gen.Choose(0, 3)
        from unaccompanied in Likely(5)
        from eligible in Likely(95)
        from kind in Gen.Elements(Enum.GetValues<HouseholdKind>())
        from hasPets in Likely(40)
        from pets in SomeOf(Enum.GetValues<PetKind>(), 40)
        from needsStepFree in Likely(20)
        from languages in SomeOf(Languages, 40)
        from waited in Gen.Choose(0, 400)
        from wish in Gen.Elements(Enum.GetValues<Accommodation>())
        from municipality in Gen.Elements(Municipalities.Append(null).ToArray())
        from region in Gen.Elements(Regions.Append(null).ToArray())
        from smokers in Likely(30)
        from rematch in Likely(15)
        from declinedHost in Gen.Choose(0, 30)
        select new GuestHousehold(
            "guest-1", adults, minors, unaccompanied && minors > 0, eligible, kind, hasPets ? pets : new HashSet<PetKind>(), needsStepFree,
            languages, municipality, region, Today.AddDays(-waited), wish, smokers, rematch, new HashSet<string> { $"host-{declinedHost:D3}" })
        {
            PreferredPosition = PositionOf(municipality),
        };

    public static Gen<(GuestHousehold Guest, List<HostOffer> Hosts)> Scenario() =>
        from count in Gen.Choose(0, 60)
        from hosts in Gen.CollectToList(Enumerable.Range(0, count), Host)
        from guest in Guest()
        select (guest, hosts.ToList());

    /// <summary>A round of the daily sweep: several households, each with its own id, against one population of hosts.</summary>
    public static Gen<(List<GuestHousehold> Guests, List<HostOffer> Hosts)> Round() =>
        from hostCount in Gen.Choose(0, 40)
        from hosts in Gen.CollectToList(Enumerable.Range(0, hostCount), Host)
        from guestCount in Gen.Choose(1, 25)
        from guests in Gen.ListOf(Guest(), guestCount)
        select (guests.Select((guest, index) => guest with { GuestId = $"guest-{index + 1}" }).ToList(), hosts.ToList());

    private static GeoPoint? PositionOf(string? municipality) =>
        municipality is not null && Positions.TryGetValue(municipality, out var position) ? position : null;

    private static Gen<bool> Likely(int percent) => Gen.Choose(0, 99).Select(roll => roll < percent);

    private static Gen<HashSet<T>> SomeOf<T>(T[] values, int percentEach) =>
        Gen.CollectToList(values, value => Likely(percentEach).Select(chosen => (value, chosen)))
            .Select(picks => picks.Where(pick => pick.chosen).Select(pick => pick.value).ToHashSet());
}
