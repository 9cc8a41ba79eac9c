namespace RefugeeHome.Approvals;

/// <summary>
/// Raises a workflow's event. Each host gives its own: the runner its engine's client, the Functions app the client
/// bound to the function, which exists only for that call; so an answer names where it goes when it is redeemed.
/// </summary>
public interface IWorkflowEvents
{
    /// <summary>Raises <paramref name="eventName"/> with <paramref name="answer"/> on the workflow <paramref name="instanceId"/>.</summary>
    Task RaiseAsync(string instanceId, string eventName, ApprovalAnswer answer, CancellationToken cancellationToken);
}
