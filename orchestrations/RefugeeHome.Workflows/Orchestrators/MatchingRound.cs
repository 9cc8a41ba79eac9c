using Microsoft.DurableTask;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>
/// One round of matching: proposals for every waiting household at once and the matcher's overview. The schedule
/// starts one each morning and a coordinator can start one at any time; the instance id names the round, so starting
/// a round twice runs it once.
/// </summary>
internal static class MatchingRound
{
    public static async Task<int> RunAsync(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var steps = new Steps(context);
        await steps.StatusAsync("Proposing", null);
        var proposed = await steps.CallAsync<int>(ActivityNames.RunMatchingRound,
            new MatchingRoundRequest(MatchingRounds.RoundOf(context.InstanceId), context.InstanceId));
        await steps.StatusAsync("Proposed", null);
        return proposed;
    }
}
