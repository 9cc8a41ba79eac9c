using System.Globalization;

namespace RefugeeHome.Matching;

/// <summary>One factor of a score: its weight, what it added, and why, as a reason code a page or email puts in words.</summary>
/// <param name="Factor">Name of the factor (<c>language</c>, <c>location</c>, …).</param>
/// <param name="Weight">The most it can add.</param>
/// <param name="Contribution">What it added for this pair.</param>
/// <param name="Reason">Why, as a code within the factor (<c>shared</c>, <c>near</c>, …).</param>
/// <param name="Values">What the reason names: municipalities, regions, numbers, or codes of languages and living spaces. No personal data.</param>
public sealed record ScoreFactor(string Factor, double Weight, double Contribution, string Reason, IReadOnlyList<string> Values);

/// <summary>How well a host fits a guest household that the hard rules allow together; higher fits better.</summary>
public static class SoftScore
{
    private const double RegionShare = 0.5;

    /// <summary>The score of the pair, factor by factor.</summary>
    public static IReadOnlyList<ScoreFactor> Explain(GuestHousehold guest, HostOffer host, DateOnly today, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        var shared = guest.Languages.Intersect(host.Languages).Order(StringComparer.Ordinal).ToList();
        var waited = Math.Max(0, today.DayNumber - guest.WaitingSince.DayNumber);
        var spaceFits = host.Accommodation >= guest.WishedAccommodation;
        var smokeClash = guest.Smokers && host.SmokeFree;
        var familyWelcome = guest.Minors > 0 && host.WelcomesFamilies;
        return
        [
            shared.Count > 0 ? new("language", options.LanguageWeight, options.LanguageWeight, "shared", shared) : new("language", options.LanguageWeight, 0, "none", []),
            Location(guest, host, options),
            new("waiting", options.WaitingWeight, options.WaitingWeight * Math.Min(1.0, waited / (double)options.FullWaitDays), "days", [Number(waited)]),
            spaceFits
                ? new("accommodation", options.AccommodationWeight, options.AccommodationWeight, "meets", [host.Accommodation.ToString()])
                : new("accommodation", options.AccommodationWeight, 0, "less", [host.Accommodation.ToString(), guest.WishedAccommodation.ToString()]),
            new("smoking", options.SmokingWeight, smokeClash ? 0 : options.SmokingWeight, smokeClash ? "clash" : "fits", []),
            new("family", options.FamilyWelcomeWeight, familyWelcome ? options.FamilyWelcomeWeight : 0, familyWelcome ? "welcome" : "none", []),
            new("rematch", options.RematchWeight, guest.RematchPriority ? options.RematchWeight : 0, guest.RematchPriority ? "ended-early" : "first", []),
        ];
    }

    /// <summary>The total of <see cref="Explain"/>, computed without building the explanation.</summary>
    public static double Total(GuestHousehold guest, HostOffer host, DateOnly today, MatchingOptions options) =>
        HostPart(guest, host, options) + HouseholdPart(guest, today, options);

    /// <summary>
    /// The factors that depend on the host. The total is exactly this plus <see cref="HouseholdPart"/>, so the index
    /// can order hosts once for households that differ only in the household part.
    /// </summary>
    internal static double HostPart(GuestHousehold guest, HostOffer host, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        var total = guest.Languages.Overlaps(host.Languages) ? options.LanguageWeight : 0;
        total += LocationFraction(guest, host, options, out _) * options.LocationWeight;
        total += host.Accommodation >= guest.WishedAccommodation ? options.AccommodationWeight : 0;
        total += guest.Smokers && host.SmokeFree ? 0 : options.SmokingWeight;
        return total + (guest.Minors > 0 && host.WelcomesFamilies ? options.FamilyWelcomeWeight : 0);
    }

    /// <summary>The factors that are the same for every host: waiting time and rematch priority.</summary>
    internal static double HouseholdPart(GuestHousehold guest, DateOnly today, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(options);
        var waiting = options.WaitingWeight * Math.Min(1.0, Math.Max(0, today.DayNumber - guest.WaitingSince.DayNumber) / (double)options.FullWaitDays);
        return waiting + (guest.RematchPriority ? options.RematchWeight : 0);
    }

    private static ScoreFactor Location(GuestHousehold guest, HostOffer host, MatchingOptions options)
    {
        var fraction = LocationFraction(guest, host, options, out var distanceKm);
        var (reason, values) = (guest.PreferredMunicipality, distanceKm) switch
        {
            (null, _) when guest.PreferredRegion is null => ("no-wish", Array.Empty<string>()),
            (null, _) => (fraction > 0 ? "region" : "outside", fraction > 0 ? [host.Region] : [host.Municipality, host.Region]),
            ({ } wished, _) when fraction == 1.0 => ("municipality", [wished]),
            ({ } wished, { } km) when fraction == RegionShare && fraction > Nearness(km, options) => ("region-near", [host.Region, Number(km), wished]),
            ({ } wished, { } km) => (fraction > 0 ? "near" : "far", [host.Municipality, Number(km), wished]),
            ({ } wished, null) => (fraction > 0 ? "region-not-municipality" : "outside", fraction > 0 ? [host.Region, wished] : [host.Municipality, host.Region]),
        };
        return new ScoreFactor("location", options.LocationWeight, fraction * options.LocationWeight, reason, values);
    }

    // A wish met in full scores 1. A municipality wish is met in part by a host nearby, falling off with distance, or
    // by one elsewhere in its region, which counts half: whichever is more. No wish is no constraint.
    private static double LocationFraction(GuestHousehold guest, HostOffer host, MatchingOptions options, out int? distanceKm)
    {
        distanceKm = null;
        if (guest.PreferredMunicipality is null && guest.PreferredRegion is null)
        {
            return 1.0;
        }

        if (guest.PreferredMunicipality is { } municipality && string.Equals(municipality, host.Municipality, StringComparison.OrdinalIgnoreCase))
        {
            return 1.0;
        }

        var sameRegion = guest.PreferredRegion is { } region && string.Equals(region, host.Region, StringComparison.OrdinalIgnoreCase);
        if (guest.PreferredMunicipality is null)
        {
            return sameRegion ? 1.0 : 0.0;
        }

        var regionShare = sameRegion ? RegionShare : 0.0;
        if (guest.PreferredPosition is { } wished && host.Position is { } position)
        {
            distanceKm = wished.DistanceKm(position);
            return Math.Max(regionShare, Nearness(distanceKm.Value, options));
        }

        return regionShare;
    }

    private static double Nearness(int distanceKm, MatchingOptions options) => Math.Max(0.0, 1.0 - (distanceKm / (double)options.NearbyKm));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
