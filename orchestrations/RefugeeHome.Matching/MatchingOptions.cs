namespace RefugeeHome.Matching;

/// <summary>Settings of matching (<c>Matching__*</c>): the policy behind the hard rules and the weights of the soft score.</summary>
public sealed class MatchingOptions
{
    /// <summary>Settings section.</summary>
    public const string Section = "Matching";

    /// <summary>A host must be available at least this many days from today (a normal stay is three months).</summary>
    public int MinimumStayDays { get; set; } = 91;

    /// <summary>Hosts of minors must have the child-safety part of screening recorded.</summary>
    public bool RequireChildSafetyScreening { get; set; } = true;

    /// <summary>Weight of sharing a language.</summary>
    public double LanguageWeight { get; set; } = 30;

    /// <summary>Weight of the preferred municipality or region.</summary>
    public double LocationWeight { get; set; } = 25;

    /// <summary>
    /// A host this many kilometres or more from the wished municipality earns nothing for being near it; closer hosts
    /// earn part of <see cref="LocationWeight"/>, falling off with distance.
    /// </summary>
    public int NearbyKm { get; set; } = 60;

    /// <summary>Weight of waiting time; full after <see cref="FullWaitDays"/>.</summary>
    public double WaitingWeight { get; set; } = 20;

    /// <summary>Days of waiting that earn the full waiting weight.</summary>
    public int FullWaitDays { get; set; } = 90;

    /// <summary>Weight of the living space meeting the wish.</summary>
    public double AccommodationWeight { get; set; } = 10;

    /// <summary>Weight of smoking habits fitting.</summary>
    public double SmokingWeight { get; set; } = 5;

    /// <summary>Weight of a host who welcomes families meeting a family.</summary>
    public double FamilyWelcomeWeight { get; set; } = 5;

    /// <summary>Weight of rematch priority.</summary>
    public double RematchWeight { get; set; } = 15;
}
