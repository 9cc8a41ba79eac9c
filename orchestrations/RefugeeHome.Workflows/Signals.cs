using RefugeeHome.Approvals;
using RefugeeHome.Durable;

namespace RefugeeHome.Workflows;

/// <summary>
/// Everything that reaches a workflow from outside (an answered link, a placement telling its host) arrives as one
/// event, <see cref="Event"/>, told apart by its purpose. Waiting on one event name at a time means two answers that
/// arrive together are both kept and taken in order; none is lost to a wait that was given up.
/// </summary>
public static class Signals
{
    /// <summary>The event name of every signal.</summary>
    public const string Event = "signal";

    /// <summary>The next signal, or null when <paramref name="until"/> passes first.</summary>
    public static async Task<ApprovalAnswer?> NextAsync(TaskOrchestrationContext context, DateTime until)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (until <= context.CurrentUtcDateTime)
        {
            return null;
        }

        try
        {
            return await context.WaitForExternalEvent<ApprovalAnswer>(Event, until - context.CurrentUtcDateTime);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The next signal, however long it takes.</summary>
    public static Task<ApprovalAnswer> NextAsync(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.WaitForExternalEvent<ApprovalAnswer>(Event);
    }
}
