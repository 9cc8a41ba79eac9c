using Microsoft.DurableTask.Client;
using RefugeeHome.Triggers;

namespace RefugeeHome.Runner;

/// <summary>
/// The runner's stand-in for the Functions app's timer triggers: every few seconds it runs each of <see cref="TimerJobs"/>,
/// which does what is due (the ministry's report, a round of matching, answers to pass on) once, however often it is asked.
/// </summary>
internal sealed partial class ScheduledWork(
    WorkflowEngineService engine, IServiceProvider services, DurableTaskClient workflows, ILogger<ScheduledWork> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await engine.Started.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var job in TimerJobs.All)
            {
                try
                {
                    await job.RunAsync(services, workflows, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Storage or mail did not answer; what is due is tried again at the next tick and done once. A failure
                    // must not stop the host, which is what an exception escaping a background service does.
                    LogFailed(exception, job.Name);
                }
            }

            await Task.Delay(Tick, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; retrying at the next tick")]
    private partial void LogFailed(Exception exception, string job);
}
