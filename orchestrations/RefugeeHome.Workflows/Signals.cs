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

    /// <summary>
    /// The next signal, or null when <paramref name="until"/> passes first. A signal that has already arrived wins over
    /// a deadline that has passed meanwhile: a person who answered is not reminded or escalated about it.
    /// </summary>
    public static async Task<ApprovalAnswer?> NextAsync(TaskOrchestrationContext context, DateTime until)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wait = until > context.CurrentUtcDateTime ? until - context.CurrentUtcDateTime : TimeSpan.Zero;
        try
        {
            return await context.WaitForExternalEvent<ApprovalAnswer>(Event, wait);
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
