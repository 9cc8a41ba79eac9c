using System.Globalization;
using Microsoft.DurableTask;

namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>
/// The activity calls a workflow makes, each with the retry policy that outlasts an outage of storage or SendGrid.
/// <paramref name="generation"/> counts the executions of the workflow (each continue-as-new starts the next), so the
/// keys made here are unique across the whole workflow.
/// </summary>
internal sealed class Steps(TaskOrchestrationContext context, int generation = 0)
{
    private int _keys;
    private (string Stage, string? WaitingFor, string? PlacementId)? _status;

    // About two days of attempts, so a long outage delays a step instead of failing the journey.
    internal static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(60, TimeSpan.FromSeconds(5), 2, TimeSpan.FromHours(1)));

    /// <summary>
    /// A key for the next thing this execution makes: its generation and how many keys it made before. Unlike
    /// <see cref="TaskOrchestrationContext.NewGuid"/>, which mixes in the episode's start time, it is the same when an
    /// episode runs again because the engine died before saving it, having already queued the episode's activities.
    /// </summary>
    public string NextKey() => string.Create(CultureInfo.InvariantCulture, $"{generation}.{_keys++}");

    /// <summary>
    /// Sends <paramref name="notice"/> under a message key made here (see <see cref="NextKey"/>), so an activity run
    /// again after a crash or a retry, or an episode run again, sends the email once, and every notice has its own.
    /// </summary>
    public Task NotifyAsync(Notice notice) => context.CallActivityAsync<bool>(ActivityNames.Notify,
        new NoticeToSend(context.InstanceId, $"{context.InstanceId}/{NextKey()}", notice), Retry);

    public Task NotifyAllAsync(params Notice[] notices) => Task.WhenAll(notices.Select(NotifyAsync));

    public Task CloseQuestionAsync(string purpose) => CallAsync(ActivityNames.CloseQuestion, new QuestionToClose(context.InstanceId, purpose));

    /// <summary>For a workflow that has ended: its links, a withdraw link or a VOG upload among them, take nothing any more.</summary>
    public Task CloseAllQuestionsAsync() => CallAsync(ActivityNames.CloseAllQuestions, context.InstanceId);

    public Task<T> CallAsync<T>(string activity, object? input) => context.CallActivityAsync<T>(activity, input, Retry);

    public Task CallAsync(string activity, object? input) => context.CallActivityAsync<bool>(activity, input, Retry);

    /// <summary>Tells another workflow, through the engine: the event is part of this workflow's step, so it is sent once.</summary>
    public void Signal(string instanceId, Approvals.ApprovalAnswer answer) => context.SendEvent(instanceId, Inbox.Event, answer);

    /// <summary>
    /// Sets where the workflow stands as its custom status and, for a household's or placement's workflow, in the
    /// console's index of cases and the case's timeline. <paramref name="ended"/> marks the stage the workflow ends with.
    /// A loop that sets the same status again records nothing new.
    /// </summary>
    public Task StatusAsync(string stage, string? waitingFor, string? placementId = null, bool ended = false)
    {
        if (_status == (stage, waitingFor, placementId))
        {
            return Task.CompletedTask;
        }

        _status = (stage, waitingFor, placementId);
        context.SetCustomStatus(new WorkflowStatus(stage, waitingFor, context.CurrentUtcDateTime, placementId));
        return Cases.CaseKinds.Of(context.InstanceId) is null
            ? Task.CompletedTask
            : CallAsync(ActivityNames.RecordCaseStage, new Activities.CaseStage(context.InstanceId, NextKey(), stage, waitingFor, context.CurrentUtcDateTime, placementId, ended));
    }

    /// <summary>
    /// Keeps a finished household's data for <paramref name="retainFor"/>, or until a coordinator erases it at the
    /// household's request, then deletes it with <paramref name="forget"/>. Corrections are still taken meanwhile.
    /// </summary>
    public async Task RetainThenForgetAsync(Inbox inbox, string forget, string id, TimeSpan retainFor)
    {
        await Waits.AnswerAsync(context, inbox, [ConsoleAnswers.ErasePurpose], [], giveUpAt: context.CurrentUtcDateTime + retainFor);
        await CallAsync(forget, id);
    }
}
