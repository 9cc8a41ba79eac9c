using System.Diagnostics;
using RefugeeHome.Durable.History;
using RefugeeHome.Durable.Replay;

namespace RefugeeHome.Durable.Benchmarks;

/// <summary>CPU cost of replaying a history of a given length through an orchestrator (no storage).</summary>
internal static class ReplayBenchmark
{
    public sealed record Result(int HistoryEvents, double MedianMicroseconds, double MicrosecondsPerEvent);

    public static IEnumerable<Result> Run(IEnumerable<int> activityCounts)
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<int, int>("Loop", async (context, count) =>
        {
            var total = 0;
            for (var i = 0; i < count; i++)
            {
                total += await context.CallActivityAsync<int>("Step", i);
            }

            return total;
        });
        var executor = new OrchestrationExecutor(registry);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var count in activityCounts)
        {
            var history = new List<HistoryEvent> { new OrchestratorStarted(start), new ExecutionStarted("Loop", count.ToString(System.Globalization.CultureInfo.InvariantCulture), null) };
            for (var i = 0; i < count; i++)
            {
                history.Add(new TaskScheduled(i, "Step", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                history.Add(new OrchestratorStarted(start));
                history.Add(new TaskCompleted(i, "1"));
            }

            var samples = new List<double>();
            for (var run = 0; run < 41; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                var episode = executor.Execute("replay", history, [new OrchestratorStarted(start)], null, "e1");
                stopwatch.Stop();
                if (episode.Outcome is not ExecutionCompletedOutcome)
                {
                    throw new InvalidOperationException("The replay did not reach the end of the history.");
                }

                if (run > 0)
                {
                    samples.Add(stopwatch.Elapsed.TotalMicroseconds);
                }
            }

            var median = Measurements.Median(samples);
            yield return new Result(history.Count, median, median / history.Count);
        }
    }
}
