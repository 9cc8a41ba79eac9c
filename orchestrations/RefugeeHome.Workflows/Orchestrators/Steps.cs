using RefugeeHome.Durable;

namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>The activity calls a workflow makes, each with the retry policy that outlasts an outage of storage or SendGrid.</summary>
internal sealed class Steps(TaskOrchestrationContext context)
{
    // About two days of attempts, so a long outage delays a step instead of failing the journey.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(60, TimeSpan.FromSeconds(5), 2, TimeSpan.FromHours(1)));

    public Task NotifyAsync(Notice notice) => context.CallActivityAsync<bool>(ActivityNames.Notify, notice, Retry);

    public Task NotifyAllAsync(params Notice[] notices) => Task.WhenAll(notices.Select(NotifyAsync));

    public Task<T> CallAsync<T>(string activity, object? input) => context.CallActivityAsync<T>(activity, input, Retry);

    public Task CallAsync(string activity, object? input) => context.CallActivityAsync<bool>(activity, input, Retry);

    public void Status(string stage, string? waitingFor, string? placementId = null) =>
        context.SetCustomStatus(new WorkflowStatus(stage, waitingFor, context.CurrentUtcDateTime, placementId));

    public async Task RetainThenForgetAsync(string activity, string id, TimeSpan retainFor)
    {
        await context.CreateTimer(retainFor, CancellationToken.None);
        await CallAsync(activity, id);
    }
}
