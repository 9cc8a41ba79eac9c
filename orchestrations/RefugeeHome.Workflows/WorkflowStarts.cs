using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace RefugeeHome.Workflows;

/// <summary>Starting a workflow whose id names what it is for: a household's journey, a round of matching.</summary>
public static class WorkflowStarts
{
    // Whatever state an instance of that id is in, the work it stands for was started before.
    private static readonly IReadOnlyList<string> AnyStatus = Enum.GetNames<OrchestrationRuntimeStatus>();

    /// <summary>
    /// Starts <paramref name="orchestrator"/> as <paramref name="instanceId"/> unless an instance of that id exists,
    /// running or finished: a resent form or a second start never starts it twice, also when both come at once, and is
    /// never an error. Returns whether this call started it.
    /// </summary>
    public static async Task<bool> StartOnceAsync(
        this DurableTaskClient client, string orchestrator, string instanceId, object input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId) { DedupeStatuses = AnyStatus }, cancellationToken);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts the workflow of <paramref name="placement"/>, named by its id, unless it was started before. Returns
    /// whether this call started it.
    /// </summary>
    public static Task<bool> BeginPlacementAsync(this DurableTaskClient client, PlacementCase placement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return client.StartOnceAsync(OrchestratorNames.Placement, placement.PlacementId, placement, cancellationToken);
    }
}
