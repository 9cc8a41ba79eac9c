using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RefugeeHome.Approvals;
using RefugeeHome.Workflows;

namespace RefugeeHome.Triggers.Approvals;

/// <summary>
/// The timer's sweep of answers recorded on their links that never reached their workflow, because the process that
/// recorded one died before it raised the event; without it such an answer waits until its person opens the link again.
/// </summary>
public sealed partial class UnheardAnswers(ApprovalLinks links, ILogger<UnheardAnswers> logger)
{
    /// <summary>The timer ticked: passes on every unheard answer. Returns how many it passed on.</summary>
    public async Task<int> OnTimerAsync(DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var passedOn = await links.PassOnUnheardAsync(new WorkflowEvents(workflows), cancellationToken);
        if (passedOn > 0)
        {
            LogPassedOn(passedOn);
        }

        return passedOn;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Passed on {Count} answers whose workflows had not heard them")]
    private partial void LogPassedOn(int count);
}
