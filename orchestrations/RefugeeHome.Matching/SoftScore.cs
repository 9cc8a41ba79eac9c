using System.Globalization;

namespace RefugeeHome.Matching;

/// <summary>One factor of a score: its weight, what it added, and why, in words a matcher reads.</summary>
/// <param name="Factor">Name of the factor.</param>
/// <param name="Weight">The most it can add.</param>
/// <param name="Contribution">What it added for this pair.</param>
/// <param name="Reason">Why, without personal data.</param>
public sealed record ScoreFactor(string Factor, double Weight, double Contribution, string Reason);

/// <summary>How well a host fits a guest household that the hard rules allow together; higher fits better.</summary>
public static class SoftScore
{
    /// <summary>The score of the pair, factor by factor.</summary>
    public static IReadOnlyList<ScoreFactor> Explain(GuestHousehold guest, HostOffer host, DateOnly today, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        var shared = guest.Languages.Intersect(host.Languages).Order(StringComparer.Ordinal).ToList();
        var waited = Math.Max(0, today.DayNumber - guest.WaitingSince.DayNumber);
        return
        [
            new("language", options.LanguageWeight, shared.Count > 0 ? options.LanguageWeight : 0,
                shared.Count > 0 ? $"shared language: {string.Join(", ", shared)}" : "no shared language"),
            Location(guest, host, options),
            new("waiting", options.WaitingWeight, options.WaitingWeight * Math.Min(1.0, waited / (double)options.FullWaitDays),
                string.Create(CultureInfo.InvariantCulture, $"waiting {waited} days")),
            new("accommodation", options.AccommodationWeight, host.Accommodation >= guest.WishedAccommodation ? options.AccommodationWeight : 0,
                host.Accommodation >= guest.WishedAccommodation ? $"{host.Accommodation} meets the wish" : $"{host.Accommodation} is less than {guest.WishedAccommodation}"),
            new("smoking", options.SmokingWeight, guest.Smokers && host.SmokeFree ? 0 : options.SmokingWeight,
                guest.Smokers && host.SmokeFree ? "guests smoke, home is smoke-free" : "smoking habits fit"),
            new("family welcome", options.FamilyWelcomeWeight, guest.Minors > 0 && host.WelcomesFamilies ? options.FamilyWelcomeWeight : 0,
                guest.Minors > 0 && host.WelcomesFamilies ? "host would like a family with children" : "no family preference met"),
            new("rematch", options.RematchWeight, guest.RematchPriority ? options.RematchWeight : 0,
                guest.RematchPriority ? "earlier placement ended early" : "first placement"),
        ];
    }

    /// <summary>The total of <see cref="Explain"/>, computed without building the explanation.</summary>
    public static double Total(GuestHousehold guest, HostOffer host, DateOnly today, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        var total = guest.Languages.Overlaps(host.Languages) ? options.LanguageWeight : 0;
        total += LocationFraction(guest, host) * options.LocationWeight;
        total += options.WaitingWeight * Math.Min(1.0, Math.Max(0, today.DayNumber - guest.WaitingSince.DayNumber) / (double)options.FullWaitDays);
        total += host.Accommodation >= guest.WishedAccommodation ? options.AccommodationWeight : 0;
        total += guest.Smokers && host.SmokeFree ? 0 : options.SmokingWeight;
        total += guest.Minors > 0 && host.WelcomesFamilies ? options.FamilyWelcomeWeight : 0;
        return total + (guest.RematchPriority ? options.RematchWeight : 0);
    }

    private static ScoreFactor Location(GuestHousehold guest, HostOffer host, MatchingOptions options)
    {
        var fraction = LocationFraction(guest, host);
        var reason = fraction switch
        {
            1.0 when guest.PreferredMunicipality is null && guest.PreferredRegion is null => "no location wish",
            1.0 when string.Equals(guest.PreferredMunicipality, host.Municipality, StringComparison.OrdinalIgnoreCase) => $"in the wished municipality {host.Municipality}",
            1.0 => $"in the wished region {host.Region}",
            0.5 => $"in the wished region {host.Region}, not in {guest.PreferredMunicipality}",
            _ => $"{host.Municipality} ({host.Region}) is outside the wish",
        };
        return new ScoreFactor("location", options.LocationWeight, fraction * options.LocationWeight, reason);
    }

    // A wish met in full scores 1; a municipality wish met only by its region scores half; no wish is no constraint.
    private static double LocationFraction(GuestHousehold guest, HostOffer host)
    {
        if (guest.PreferredMunicipality is null && guest.PreferredRegion is null)
        {
            return 1.0;
        }

        if (guest.PreferredMunicipality is { } municipality && string.Equals(municipality, host.Municipality, StringComparison.OrdinalIgnoreCase))
        {
            return 1.0;
        }

        var sameRegion = guest.PreferredRegion is { } region && string.Equals(region, host.Region, StringComparison.OrdinalIgnoreCase);
        return sameRegion ? (guest.PreferredMunicipality is null ? 1.0 : 0.5) : 0.0;
    }
}
