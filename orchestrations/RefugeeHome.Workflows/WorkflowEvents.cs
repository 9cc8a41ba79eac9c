using Microsoft.DurableTask.Client;
using RefugeeHome.Approvals;

namespace RefugeeHome.Workflows;

/// <summary>Answers reach the workflows through the host's Durable Task client.</summary>
public sealed class WorkflowEvents(DurableTaskClient client) : IWorkflowEvents
{
    /// <inheritdoc />
    public Task RaiseAsync(string instanceId, string eventName, ApprovalAnswer answer, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(instanceId, eventName, answer, cancellationToken);
}
