using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RefugeeHome.Approvals;
using RefugeeHome.Workflows;

namespace RefugeeHome.Triggers.Approvals;

/// <summary>
/// The timer's sweep of answers recorded on their links that may never have reached their workflow, because the process
/// that recorded one died before it raised the event; without it such an answer waits until its person opens the link again.
/// </summary>
public sealed partial class UnheardAnswerSweep(ApprovalLinks links, ILogger<UnheardAnswerSweep> logger)
{
    /// <summary>The timer ticked: passes on every unheard answer. Returns how many it passed on.</summary>
    public async Task<int> OnTimerAsync(DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var sweep = await links.PassOnUnheardAsync(new WorkflowEvents(workflows), cancellationToken);
        if (sweep.PassedOn > 0)
        {
            LogPassedOn(sweep.PassedOn);
        }

        foreach (var failure in sweep.Failures)
        {
            LogFailed(failure);
        }

        return sweep.PassedOn;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Passed on {Count} answers recorded on links whose workflows may not have heard them")]
    private partial void LogPassedOn(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An unheard answer could not be passed on; it is tried again at the next sweep")]
    private partial void LogFailed(Exception exception);
}
