using System.Diagnostics;
using Azure.Data.Tables;
using RefugeeHome.Durable.CrashWorker;

namespace RefugeeHome.Durable.Benchmarks;

/// <summary>"Hello cities": instances that each call five activities in sequence, started all at once.</summary>
internal static class ThroughputBenchmark
{
    public sealed record Result(int Instances, long Events, double Seconds, double EventsPerSecond, double InstancesPerSecond, double P50Seconds, double P95Seconds);

    public static async Task<Result> RunAsync(TableServiceClient tables, int instances)
    {
        var hub = "tp" + Guid.NewGuid().ToString("N")[..10];
        var options = new DurableRuntimeOptions { TaskHubName = hub };
        await using var runtime = await DurableRuntime.StartAsync(tables, ChainWorkflow.Register(new DurableTaskRegistry()), options);
        var client = runtime.Client;
        var stopwatch = Stopwatch.StartNew();
        var started = new DateTimeOffset[instances];
        using (var starters = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, instances).Select(async i =>
            {
                await starters.WaitAsync();
                try
                {
                    started[i] = DateTimeOffset.UtcNow;
                    await client.ScheduleNewOrchestrationInstanceAsync(ChainWorkflow.Orchestrator, (long)i, new StartOrchestrationOptions($"city-{i:D5}"));
                }
                finally
                {
                    starters.Release();
                }
            }));
        }

        var latencies = new List<double>();
        for (var i = 0; i < instances; i++)
        {
            var result = await client.WaitForInstanceCompletionAsync($"city-{i:D5}", true, TimeSpan.FromMilliseconds(250));
            if (result.ReadOutputAs<long>() != ChainWorkflow.ExpectedOutput(i))
            {
                throw new InvalidOperationException($"city-{i:D5} returned {result.SerializedOutput}");
            }

            latencies.Add((result.LastUpdatedAt - started[i]).TotalSeconds);
        }

        var seconds = (latencies.Select((latency, i) => started[i].AddSeconds(latency)).Max() - started.Min()).TotalSeconds;
        var events = (long)instances * ChainWorkflow.Steps;
        return new Result(instances, events, seconds, events / seconds, instances / seconds,
            Measurements.Median(latencies), Measurements.Percentile(latencies, 95));
    }
}
