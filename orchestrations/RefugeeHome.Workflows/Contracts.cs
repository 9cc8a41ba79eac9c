using RefugeeHome.Statistics;

namespace RefugeeHome.Workflows;

/// <summary>Where a host journey resumes after it continued as new.</summary>
public enum HostPhase
{
    /// <summary>Just registered.</summary>
    New,

    /// <summary>Open to matching again: resumed, back after a declined introduction, or chose to go on after a placement.</summary>
    Available,

    /// <summary>Paused by the host or for not answering.</summary>
    Paused,

    /// <summary>A placement just ended; the host chooses what comes next.</summary>
    AfterPlacement,

    /// <summary>VOG just approved: open to matching for the first time, which the host is told.</summary>
    VogApproved,
}

/// <summary>Input of a host journey.</summary>
/// <param name="HostId">The host household.</param>
/// <param name="Phase">Where to resume.</param>
/// <param name="ChildSafetyScreened">The screener recorded the child-safety part of the screening.</param>
/// <param name="Answered">Link ids of the answers the journey has taken, so one delivered again is not taken twice.</param>
/// <param name="Generation">How many times the journey continued as new.</param>
public sealed record HostJourneyInput(
    string HostId, HostPhase Phase = HostPhase.New, bool ChildSafetyScreened = false, IReadOnlyList<string>? Answered = null, int Generation = 0);

/// <summary>A registration that named a household already registered: whom to tell, and where its journey stands.</summary>
/// <param name="HostId">The household registered before.</param>
/// <param name="Status">Its journey's status when the second registration came.</param>
public sealed record RegisteredAgainInput(string HostId, string Status);

/// <summary>Input of a guest intake.</summary>
/// <param name="GuestId">The guest household.</param>
/// <param name="Admitted">The household was admitted to matching before: it comes back after a placement or a declined introduction.</param>
/// <param name="RematchPriority">An earlier placement ended; the household comes first.</param>
/// <param name="Answered">Link ids of the answers the intake has taken, so one delivered again is not taken twice.</param>
/// <param name="Generation">How many times the intake continued as new.</param>
public sealed record GuestIntakeInput(string GuestId, bool Admitted = false, bool RematchPriority = false, IReadOnlyList<string>? Answered = null, int Generation = 0);

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

/// <summary>A host household's new stage.</summary>
/// <param name="HostId">The household.</param>
/// <param name="Status">The stage its record shows.</param>
/// <param name="Statistics">The stage the ministry's counts show, if it changes.</param>
public sealed record HostStageChange(string HostId, string Status, HostStage? Statistics);

/// <summary>A host household's offer for the matching pool.</summary>
/// <param name="HostId">The household.</param>
/// <param name="ChildSafetyScreened">The screening covered child safety.</param>
public sealed record HostOfferRequest(string HostId, bool ChildSafetyScreened);

/// <summary>A guest household's new stage.</summary>
/// <param name="GuestId">The household.</param>
/// <param name="Status">The stage its record shows.</param>
/// <param name="Statistics">The stage the ministry's counts show, if it changes.</param>
/// <param name="StartsWaiting">Its wait for a match begins now.</param>
/// <param name="RematchPriority">It comes first in matching.</param>
public sealed record GuestStageChange(string GuestId, string Status, GuestStage? Statistics, bool StartsWaiting, bool RematchPriority);

/// <summary>What the guest intake needs to know of a household.</summary>
/// <param name="MayBeMatched">No minor without a parent or guardian in it.</param>
public sealed record GuestFacts(bool MayBeMatched);

/// <summary>What a placement needs to know when it starts.</summary>
/// <param name="ContributionCap">The most the host may ask per month.</param>
public sealed record PlacementFacts(decimal ContributionCap);

/// <summary>Progress of a placement, for its record.</summary>
/// <param name="PlacementId">The placement.</param>
/// <param name="Values">Codes, dates and amounts.</param>
public sealed record PlacementUpdate(string PlacementId, IReadOnlyDictionary<string, string> Values);

/// <summary>How a placement ended.</summary>
/// <param name="Case">The placement.</param>
/// <param name="Outcome">Who declined, or <c>departed</c>.</param>
/// <param name="Destination">Where the guests went, once departed.</param>
public sealed record PlacementEnd(PlacementCase Case, string Outcome, string? Destination);

/// <summary>A round of matching to run.</summary>
/// <param name="Round">The round's id: when it was due, as its page's address shows it.</param>
/// <param name="MessageKey">The key the matcher's email is sent under once.</param>
public sealed record MatchingRoundRequest(string Round, string MessageKey);

/// <summary>A question a workflow stopped asking: its open links then say a newer message replaced them.</summary>
/// <param name="InstanceId">The workflow that asked it.</param>
/// <param name="Purpose">What was asked.</param>
public sealed record QuestionToClose(string InstanceId, string Purpose);
