using Azure.Data.Tables;

namespace RefugeeHome.Durable.Benchmarks;

/// <summary>Resident memory of a worker before and after it has 10,000 instances waiting on timers and events.</summary>
internal static class WaitingMemoryBenchmark
{
    public sealed record Result(int Waiting, double BaselineMegabytes, double WaitingMegabytes, int InstancesInMemory);

    public static async Task<Result> RunAsync(TableServiceClient tables, int waiting)
    {
        var hub = "wm" + Guid.NewGuid().ToString("N")[..10];
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<int, string>("Wait", async (context, i) =>
        {
            if (i % 2 == 0)
            {
                await context.CreateTimer(TimeSpan.FromDays(90), CancellationToken.None);
                return "timer";
            }

            return await context.WaitForExternalEvent<string>("Approved");
        });
        await using var runtime = await DurableRuntime.StartAsync(tables, registry, new DurableRuntimeOptions { TaskHubName = hub });
        await Task.Delay(1000);
        var baseline = Measurements.ResidentMegabytes();
        using (var starters = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, waiting).Select(async i =>
            {
                await starters.WaitAsync();
                try
                {
                    await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Wait", i, new StartOrchestrationOptions($"wait-{i:D5}"));
                }
                finally
                {
                    starters.Release();
                }
            }));
        }

        while (await runtime.Client.GetAllInstancesAsync(new OrchestrationQuery([OrchestrationRuntimeStatus.Pending])).AnyAsync())
        {
            await Task.Delay(500);
        }

        await Task.Delay(2000);
        return new Result(waiting, baseline, Measurements.ResidentMegabytes(), runtime.ActiveInstances);
    }
}
