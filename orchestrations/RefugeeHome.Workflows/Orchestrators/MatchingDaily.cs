using RefugeeHome.Durable;

namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>
/// A standing workflow that runs the daily round of matching every morning at <see cref="WorkflowOptions.OverviewHourUtc"/>
/// and then sends the matcher the overview with the round's proposals. Each day continues as new, so it runs for years
/// on a history of a few events.
/// </summary>
internal static class MatchingDaily
{
    public static async Task<int> RunAsync(TaskOrchestrationContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var steps = new Steps(context);
        var options = await context.CallActivityAsync<WorkflowOptions>(ActivityNames.Settings);
        var now = context.CurrentUtcDateTime;
        var next = now.Date.AddHours(options.OverviewHourUtc);
        steps.Status("Overview", "next morning");
        await context.CreateTimer(next > now ? next : next.AddDays(1), CancellationToken.None);
        var proposed = await steps.CallAsync<int>(ActivityNames.RunMatchingRound, null);
        context.ContinueAsNew(input);
        return proposed;
    }
}
