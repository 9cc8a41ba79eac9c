using RefugeeHome.Statistics;

namespace RefugeeHome.Workflows;

/// <summary>Where a host journey resumes after it continued as new.</summary>
public enum HostPhase
{
    /// <summary>Just registered.</summary>
    New,

    /// <summary>Screened, VOG verified, open to matching.</summary>
    Available,

    /// <summary>Paused by the host or for not answering.</summary>
    Paused,

    /// <summary>A placement just ended; the host chooses what comes next.</summary>
    AfterPlacement,
}

/// <summary>Input of a host journey.</summary>
/// <param name="HostId">The host household.</param>
/// <param name="Phase">Where to resume.</param>
/// <param name="ChildSafetyScreened">The screener recorded the child-safety part of the screening.</param>
public sealed record HostJourneyInput(string HostId, HostPhase Phase = HostPhase.New, bool ChildSafetyScreened = false);

/// <summary>Input of a guest intake.</summary>
/// <param name="GuestId">The guest household.</param>
/// <param name="Admitted">The household was admitted to matching before: it comes back after a placement or a declined introduction.</param>
/// <param name="RematchPriority">An earlier placement ended; the household comes first.</param>
public sealed record GuestIntakeInput(string GuestId, bool Admitted = false, bool RematchPriority = false);

/// <summary>A host and a guest household reserved for each other.</summary>
/// <param name="PlacementId">The placement.</param>
/// <param name="HostId">The host household.</param>
/// <param name="GuestId">The guest household.</param>
public sealed record PlacementCase(string PlacementId, string HostId, string GuestId)
{
    /// <summary>The ids for a notice.</summary>
    public CaseIds Ids => new(HostId, GuestId, PlacementId);
}

/// <summary>How a placement ended, for the guest intake that started it.</summary>
/// <param name="Outcome"><c>declined</c> at the introduction, or <c>departed</c>.</param>
/// <param name="Destination">Where the guests went, once departed.</param>
public sealed record PlacementResult(string Outcome, string? Destination);

internal sealed record HostStageChange(string HostId, string Status, HostStage? Statistics);

internal sealed record HostOfferRequest(string HostId, bool ChildSafetyScreened);

internal sealed record GuestStageChange(string GuestId, string Status, GuestStage? Statistics, bool StartsWaiting, bool RematchPriority);

internal sealed record GuestFacts(bool MayBeMatched);

internal sealed record PlacementFacts(decimal ContributionCap);

internal sealed record PlacementUpdate(string PlacementId, IReadOnlyDictionary<string, string> Values);

internal sealed record PlacementEnd(PlacementCase Case, string Outcome, string? Destination);

internal sealed record SignalRequest(string InstanceId, string Purpose, string Choice, IReadOnlyDictionary<string, string> Values, string SignalId);
