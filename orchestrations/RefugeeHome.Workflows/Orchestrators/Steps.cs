using System.Globalization;
using Microsoft.DurableTask;

namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>The activity calls a workflow makes, each with the retry policy that outlasts an outage of storage or SendGrid.</summary>
internal sealed class Steps(TaskOrchestrationContext context)
{
    // About two days of attempts, so a long outage delays a step instead of failing the journey.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(60, TimeSpan.FromSeconds(5), 2, TimeSpan.FromHours(1)));

    /// <summary>
    /// Sends <paramref name="notice"/> under a message key made here: the instance and a GUID that replays the same, so
    /// an activity run again after a crash or a retry sends the email once, and every notice of every execution has its own.
    /// </summary>
    public Task NotifyAsync(Notice notice) => context.CallActivityAsync<bool>(ActivityNames.Notify,
        new NoticeToSend(context.InstanceId, string.Create(CultureInfo.InvariantCulture, $"{context.InstanceId}/{context.NewGuid():N}"), notice), Retry);

    public Task NotifyAllAsync(params Notice[] notices) => Task.WhenAll(notices.Select(NotifyAsync));

    public Task CloseQuestionAsync(string purpose) => CallAsync(ActivityNames.CloseQuestion, new QuestionToClose(context.InstanceId, purpose));

    public Task<T> CallAsync<T>(string activity, object? input) => context.CallActivityAsync<T>(activity, input, Retry);

    public Task CallAsync(string activity, object? input) => context.CallActivityAsync<bool>(activity, input, Retry);

    /// <summary>Tells another workflow, through the engine: the event is part of this workflow's step, so it is sent once.</summary>
    public void Signal(string instanceId, Approvals.ApprovalAnswer answer) => context.SendEvent(instanceId, Inbox.Event, answer);

    public void Status(string stage, string? waitingFor, string? placementId = null) =>
        context.SetCustomStatus(new WorkflowStatus(stage, waitingFor, context.CurrentUtcDateTime, placementId));

    public async Task RetainThenForgetAsync(string activity, string id, TimeSpan retainFor)
    {
        await context.CreateTimer(retainFor, CancellationToken.None);
        await CallAsync(activity, id);
    }
}
