using RefugeeHome.Durable;

namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>
/// A standing workflow that sends the matcher's overview every morning at <see cref="WorkflowOptions.OverviewHourUtc"/>.
/// Each day continues as new, so it runs for years on a history of a few events.
/// </summary>
internal static class MatchingDaily
{
    public static async Task<int> RunAsync(TaskOrchestrationContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = await context.CallActivityAsync<WorkflowOptions>(ActivityNames.Settings);
        var now = context.CurrentUtcDateTime;
        var next = now.Date.AddHours(options.OverviewHourUtc);
        new Steps(context).Status("Overview", "next morning");
        await context.CreateTimer(next > now ? next : next.AddDays(1), CancellationToken.None);
        var listed = await new Steps(context).CallAsync<int>(ActivityNames.SendMatchingOverview, null);
        context.ContinueAsNew(input);
        return listed;
    }
}
