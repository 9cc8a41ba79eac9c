namespace RefugeeHome.Triggers.Staff;

/// <summary>The stages and waits the workflows record, in the order a case passes them, for the console's filters and labels.</summary>
public static class CaseCodes
{
    /// <summary>Every stage, labelled <c>stage.{code}</c> in the page texts.</summary>
    public static IReadOnlyList<string> Stages { get; } =
    [
        "Screening", "WaitingForVog", "VogCheck", "Available", "Paused", "Waiting", "Matched", "Placement", "Introduction",
        "IntroductionScheduled", "IntroductionOutcome", "MoveInAgreed", "Hosting", "Departure", "ChoosingNext",
        "Declined", "Departed", "Withdrawn", "NotSuitable", "Lapsed", "Retired", "Guardianship", "Closed",
    ];

    /// <summary>Whom or what a case waits for, labelled <c>waiting.{code}</c> in the page texts.</summary>
    public static IReadOnlyList<string> Waits { get; } = ["screener", "host", "guest", "matcher", "connector", "supporter", "review", "date"];

    /// <summary>The roles emails and links go to, labelled <c>role.{code}</c> in the page texts.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["host", "guest", "caseworker", "screener", "supervisor", "matcher", "connector", "supporter", "coordinator"];

    /// <summary>What staff do from the console, labelled <c>action.{code}</c> in the page texts.</summary>
    public static IReadOnlyList<string> Actions { get; } = ["close", "erasure", "correct", "erase", "match", "reject"];
}
