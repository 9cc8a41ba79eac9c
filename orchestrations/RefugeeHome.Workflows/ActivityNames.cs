namespace RefugeeHome.Workflows;

/// <summary>Names of the workflows and their activities, as registered with the runtime.</summary>
public static class ActivityNames
{
    /// <summary>The host journey orchestrator.</summary>
    public const string HostJourney = "HostJourney";

    /// <summary>The guest intake orchestrator.</summary>
    public const string GuestIntake = "GuestIntake";

    /// <summary>The placement orchestrator.</summary>
    public const string Placement = "Placement";

    /// <summary>The standing orchestrator that runs the daily round of matching and sends the matcher's overview.</summary>
    public const string MatchingDaily = "MatchingDaily";

    internal const string Settings = "ReadWorkflowSettings";
    internal const string RunMatchingRound = "RunMatchingRound";
    internal const string Notify = "Notify";
    internal const string SetHostStage = "SetHostStage";
    internal const string OfferHost = "OfferHost";
    internal const string WithdrawOffer = "WithdrawOffer";
    internal const string ForgetHost = "ForgetHost";
    internal const string SetGuestStage = "SetGuestStage";
    internal const string ReadGuest = "ReadGuest";
    internal const string ForgetGuest = "ForgetGuest";
    internal const string StartPlacement = "StartPlacement";
    internal const string UpdatePlacement = "UpdatePlacement";
    internal const string DeclinePlacement = "DeclinePlacement";
    internal const string MoveIn = "MoveIn";
    internal const string EndPlacement = "EndPlacement";
    internal const string Signal = "Signal";
    internal const string CloseQuestion = "CloseQuestion";
}
