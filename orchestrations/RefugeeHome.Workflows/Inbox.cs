using Microsoft.DurableTask;
using RefugeeHome.Approvals;
using RefugeeHome.Workflows.Orchestrators;

namespace RefugeeHome.Workflows;

/// <summary>
/// Everything that reaches a workflow from outside (an answered link, a placement telling its host) arrives as one
/// event, <see cref="Event"/>, told apart by its purpose. Waiting on one event name at a time means two answers that
/// arrive together are both kept and taken in order. An answer can arrive more than once (a double click, a request
/// sent again, an activity retried after it had signalled): the inbox lets each link id through once, and hands the ids
/// it has seen to the next execution when the workflow continues as new. A corrected registration is applied here, as it
/// comes, and never handed on: it changes the household's data, not what the workflow waits for.
/// </summary>
internal sealed class Inbox(TaskOrchestrationContext context, IReadOnlyList<string>? seen)
{
    /// <summary>The event name of every signal.</summary>
    public const string Event = "signal";

    // Enough for every answer of a cycle; older ones are for questions long closed, whose links refuse a second answer.
    private const int Remembered = 64;

    private readonly List<string> _order = [.. seen ?? []];
    private readonly HashSet<string> _seen = new(seen ?? [], StringComparer.Ordinal);

    /// <summary>The link ids to carry into the next execution.</summary>
    public IReadOnlyList<string> Seen => _order.Count > Remembered ? _order[^Remembered..] : _order;

    /// <summary>
    /// The next signal not seen before, or null when <paramref name="until"/> passes first. A signal that has already
    /// arrived wins over a deadline that has passed meanwhile: a person who answered is not reminded or escalated about it.
    /// </summary>
    public async Task<ApprovalAnswer?> NextAsync(DateTime until)
    {
        while (true)
        {
            var wait = until > context.CurrentUtcDateTime ? until - context.CurrentUtcDateTime : TimeSpan.Zero;
            ApprovalAnswer answer;
            try
            {
                answer = await context.WaitForExternalEvent<ApprovalAnswer>(Event, wait);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            if (await TakesAsync(answer))
            {
                return answer;
            }
        }
    }

    /// <summary>The next signal not seen before, however long it takes.</summary>
    public async Task<ApprovalAnswer> NextAsync()
    {
        while (true)
        {
            var answer = await context.WaitForExternalEvent<ApprovalAnswer>(Event);
            if (await TakesAsync(answer))
            {
                return answer;
            }
        }
    }

    private async Task<bool> TakesAsync(ApprovalAnswer answer)
    {
        if (!FirstTime(answer))
        {
            return false;
        }

        if (answer.Purpose != ConsoleAnswers.CorrectPurpose)
        {
            return true;
        }

        await context.CallActivityAsync<bool>(ActivityNames.CorrectRegistration,
            answer.Values.TryGetValue(ConsoleAnswers.HouseholdValue, out var household) ? household : context.InstanceId, Steps.Retry);
        return false;
    }

    private bool FirstTime(ApprovalAnswer answer)
    {
        if (!_seen.Add(answer.LinkId))
        {
            return false;
        }

        _order.Add(answer.LinkId);
        return true;
    }
}
