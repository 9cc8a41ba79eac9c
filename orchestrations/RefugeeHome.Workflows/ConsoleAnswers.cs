namespace RefugeeHome.Workflows;

/// <summary>
/// Answers only staff give, from the console, to questions the console asks and answers at once. They reach a workflow
/// on <see cref="Inbox.Event"/> like every link's answer, so they are taken once however often a form is sent.
/// </summary>
public static class ConsoleAnswers
{
    /// <summary>The event every answer reaches a workflow on.</summary>
    public const string EventName = Inbox.Event;

    /// <summary>
    /// A household's registration was corrected. The workflow applies the correction the registry keeps for it as it
    /// comes, whatever it waits for, so the ministry's counts, the matching pool and the console follow in its own order.
    /// </summary>
    public const string CorrectPurpose = "correct";

    /// <summary>A coordinator erases the data of a household whose journey has ended, before its retention period has passed.</summary>
    public const string ErasePurpose = "erase";

    /// <summary>The value naming the household a correction is for: a placement's workflow takes its guests' corrections.</summary>
    public const string HouseholdValue = "household";
}
