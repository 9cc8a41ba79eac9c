namespace RefugeeHome.Statistics;

/// <summary>Where a host household's journey stands, as far as the statistics are concerned.</summary>
public enum HostStage
{
    /// <summary>Registered, not yet through screening.</summary>
    Registered,

    /// <summary>Passed the screening interview; waiting for or verifying the VOG.</summary>
    Screened,

    /// <summary>Screened, VOG verified, ready to be matched.</summary>
    Available,

    /// <summary>A guest household lives with them now.</summary>
    Hosting,

    /// <summary>Screened, but not taking guests for now.</summary>
    Paused,

    /// <summary>Withdrawn, not suitable, lapsed or retired: no longer counted.</summary>
    Ended,

    /// <summary>Matched with a guest household that has not moved in yet (introduction and move-in ahead).</summary>
    Matched,
}

/// <summary>Where a guest household stands.</summary>
public enum GuestStage
{
    /// <summary>Waiting for a match.</summary>
    Waiting,

    /// <summary>Living with a host household.</summary>
    Placed,

    /// <summary>Referred to guardianship or elsewhere; never matched.</summary>
    Referred,

    /// <summary>Left the programme: no longer counted.</summary>
    Ended,

    /// <summary>Matched with a host household, not moved in yet.</summary>
    Matched,
}

/// <summary>The numbers the ministry receives per municipality.</summary>
public static class Metrics
{
    /// <summary>Host households with an open journey.</summary>
    public const string HostsRegistered = "hostsRegistered";

    /// <summary>Host households that passed screening and have not ended.</summary>
    public const string HostsScreened = "hostsScreened";

    /// <summary>Host households available for a match now.</summary>
    public const string HostsAvailable = "hostsAvailable";

    /// <summary>Host households matched with guests who have not moved in yet.</summary>
    public const string HostsMatched = "hostsMatched";

    /// <summary>Host households hosting now.</summary>
    public const string HostsHosting = "hostsHosting";

    /// <summary>Guest households waiting for a match.</summary>
    public const string GuestsWaiting = "guestsWaiting";

    /// <summary>Guest households matched with a host, not moved in yet.</summary>
    public const string GuestsMatched = "guestsMatched";

    /// <summary>Guest households placed with a host.</summary>
    public const string GuestsPlaced = "guestsPlaced";

    /// <summary>Placements that started on the report day.</summary>
    public const string PlacementsStarted = "placementsStarted";

    /// <summary>Placements that ended on the report day.</summary>
    public const string PlacementsEnded = "placementsEnded";

    /// <summary>Every metric in report order.</summary>
    public static readonly IReadOnlyList<string> All =
        [HostsRegistered, HostsScreened, HostsAvailable, HostsMatched, HostsHosting, GuestsWaiting, GuestsMatched, GuestsPlaced, PlacementsStarted, PlacementsEnded];

    /// <summary>The metrics of the current state, as opposed to the day's events.</summary>
    public static readonly IReadOnlyList<string> Stock =
        [HostsRegistered, HostsScreened, HostsAvailable, HostsMatched, HostsHosting, GuestsWaiting, GuestsMatched, GuestsPlaced];

    internal static IReadOnlySet<string> Of(HostStage stage) => stage switch
    {
        HostStage.Registered => new HashSet<string> { HostsRegistered },
        HostStage.Screened or HostStage.Paused => new HashSet<string> { HostsRegistered, HostsScreened },
        HostStage.Available => new HashSet<string> { HostsRegistered, HostsScreened, HostsAvailable },
        HostStage.Matched => new HashSet<string> { HostsRegistered, HostsScreened, HostsMatched },
        HostStage.Hosting => new HashSet<string> { HostsRegistered, HostsScreened, HostsHosting },
        _ => new HashSet<string>(),
    };

    internal static IReadOnlySet<string> Of(GuestStage stage) => stage switch
    {
        GuestStage.Waiting => new HashSet<string> { GuestsWaiting },
        GuestStage.Matched => new HashSet<string> { GuestsMatched },
        GuestStage.Placed => new HashSet<string> { GuestsPlaced },
        _ => new HashSet<string>(),
    };
}
