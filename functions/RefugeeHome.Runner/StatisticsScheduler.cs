using RefugeeHome.Statistics;
using RefugeeHome.Triggers;
using RefugeeHome.Triggers.Statistics;

namespace RefugeeHome.Runner;

/// <summary>
/// The runner's stand-in for the Functions timer trigger: fires the nightly statistics at the schedule's times on the
/// workflow clock. It looks every few seconds instead of sleeping until the next time, so an accelerated demo clock
/// fires it as promptly as the real one.
/// </summary>
internal sealed partial class StatisticsScheduler(
    IServiceProvider services,
    StatisticsSchedule schedule,
    StatisticsTriggers triggers,
    TimeProvider clock,
    ILogger<StatisticsScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var next = schedule.NextAfter(clock.GetUtcNow());
        LogNext(next);
        var initialized = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!initialized)
                {
                    await services.InitializeStatisticsAsync(stoppingToken);
                    initialized = true;
                }

                if (clock.GetUtcNow() >= next)
                {
                    var sent = await triggers.OnTimerAsync(next, stoppingToken);
                    LogRan(next, sent.Count);
                    next = schedule.NextAfter(clock.GetUtcNow());
                    LogNext(next);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Storage or mail did not answer (the SDK gives up with RequestFailedException, or AggregateException after
                // its retries); the run is tried again at the next tick and sends each day once. A failed run must not
                // stop the host, which is what an exception escaping a background service does.
                LogFailed(exception);
            }

            await Task.Delay(Tick, TimeProvider.System, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Next ministry statistics run at {Next:u}")]
    private partial void LogNext(DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ministry statistics run of {Run:u} sent {Reports} report(s)")]
    private partial void LogRan(DateTimeOffset run, int reports);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ministry statistics run failed; retrying")]
    private partial void LogFailed(Exception exception);
}
