using Microsoft.DurableTask;
using RefugeeHome.Approvals;

namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>A message sent while a wait lasts: a reminder to the person asked, or an escalation to the supervisor.</summary>
/// <param name="After">How long after the wait began.</param>
/// <param name="Send">Sends it.</param>
internal sealed record Nudge(TimeSpan After, Func<Task> Send);

/// <summary>Waiting for an answer so that nothing stalls silently.</summary>
internal static class Waits
{
    /// <summary>
    /// Waits for a signal with one of <paramref name="purposes"/>, sending each nudge when its time comes and the last
    /// one again every <paramref name="repeatLastEvery"/> while the wait lasts. Signals with other purposes are stale
    /// answers to questions no longer asked, and are passed over. Returns null when <paramref name="giveUpAt"/> passes.
    /// The nudges count from <paramref name="askedAt"/>, when the question was asked, so the steps between asking and
    /// waiting do not push them later against <paramref name="giveUpAt"/>; by default from now.
    /// </summary>
    public static async Task<ApprovalAnswer?> AnswerAsync(
        TaskOrchestrationContext context, Inbox inbox, IReadOnlyCollection<string> purposes, IReadOnlyList<Nudge> nudges,
        TimeSpan? repeatLastEvery = null, DateTime? giveUpAt = null, DateTime? askedAt = null)
    {
        var start = askedAt ?? context.CurrentUtcDateTime;
        var sent = 0;
        while (true)
        {
            var nudgeAt = NextNudge(start, nudges, sent, repeatLastEvery);
            var until = Earliest(nudgeAt, giveUpAt);
            var signal = until is { } deadline ? await inbox.NextAsync(deadline) : await inbox.NextAsync();
            if (signal is not null)
            {
                if (purposes.Contains(signal.Purpose))
                {
                    return signal;
                }

                continue;
            }

            // The deadline waited for has come: the engine's timers may fire a moment early, so the clock cannot say which.
            if (giveUpAt is { } end && until >= end)
            {
                return null;
            }

            await nudges[Math.Min(sent, nudges.Count - 1)].Send();
            sent++;
        }
    }

    private static DateTime? NextNudge(DateTime start, IReadOnlyList<Nudge> nudges, int sent, TimeSpan? repeatLastEvery)
    {
        if (sent < nudges.Count)
        {
            return start + nudges[sent].After;
        }

        return repeatLastEvery is { } every && nudges.Count > 0 ? start + nudges[^1].After + (every * (sent - nudges.Count + 1)) : null;
    }

    private static DateTime? Earliest(DateTime? first, DateTime? second) =>
        first is null ? second : second is null ? first : first < second ? first : second;
}
