using System.Diagnostics;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using RefugeeHome.Hosting.Durable;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Hosting.Storage;

namespace RefugeeHome.Workflows.Benchmarks;

/// <summary>
/// Hello cities: N orchestrations that each call five activities in sequence, once on the bare DurableTask.AzureStorage
/// engine (its default settings, the classic API) and once on the runner's configuration (host.json's durableTask
/// section, the SDK's orchestrators through its shims). Each runs on an Azurite of its own, started empty, since
/// Azurite slows down as it holds more.
/// </summary>
internal static class EngineComparison
{
    private static readonly string[] Cities = ["Utrecht", "Kyiv", "Amsterdam", "Lviv", "Groningen"];

    /// <summary>Runs both engines, or only <paramref name="only"/> (<c>bare</c> or <c>product</c>) while trying settings.</summary>
    public static async Task RunAsync(int instances, string? only)
    {
        var bare = only == "product" ? null : await OnFreshStorageAsync(storage => BareAsync(storage, instances));
        var product = only == "bare" ? null : await OnFreshStorageAsync(storage => ProductAsync(storage, instances));
        Console.WriteLine($"| engine | instances | wall time | activity events/s | completion p50 | completion p95 |");
        Console.WriteLine($"|---|---|---|---|---|---|");
        foreach (var (name, run) in new[] { ("bare DurableTask.AzureStorage, default settings", bare), ("the runner's configuration (host.json)", product) })
        {
            if (run is not null)
            {
                Console.WriteLine($"| {name} | {instances} | {run.Wall.TotalSeconds:F1} s | {instances * Cities.Length / run.Wall.TotalSeconds:F1} | {Percentiles.Of(run.Completions, 50):F1} s | {Percentiles.Of(run.Completions, 95):F1} s |");
            }
        }

        if (bare is not null && product is not null)
        {
            Console.WriteLine($"Ratio of activity events/s, runner's configuration / bare engine: {bare.Wall / product.Wall:F2}");
        }
    }

    private static async Task<Run> OnFreshStorageAsync(Func<StorageAccount, Task<Run>> run)
    {
        await using var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), AzuriteOptions.InMemoryOnFreePorts(), CancellationToken.None);
        return await run(StorageAccount.FromConnectionString(azurite.ConnectionString));
    }

    private static async Task<Run> BareAsync(StorageAccount storage, int instances)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = "bare" + Guid.NewGuid().ToString("N")[..8],
            StorageAccountClientProvider = storage.CreateDurableTaskClientProvider(),
        };
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        var worker = new TaskHubWorker(service, NullLoggerFactory.Instance);
        worker.AddTaskOrchestrations(typeof(ClassicHelloCities));
        worker.AddTaskActivities(typeof(ClassicSayHello));
        await worker.StartAsync();
        try
        {
            var client = new TaskHubClient(service);
            var started = Stopwatch.StartNew();
            var ids = await Task.WhenAll(Enumerable.Range(0, instances).Select(async _ =>
                (await client.CreateOrchestrationInstanceAsync(typeof(ClassicHelloCities), Cities)).InstanceId));
            var completions = await CompletedAsync(ids, async id => (await client.GetOrchestrationStateAsync(id))?.OrchestrationStatus == OrchestrationStatus.Completed, started);
            return new Run(started.Elapsed, completions);
        }
        finally
        {
            await worker.StopAsync(isForced: true);
        }
    }

    private static async Task<Run> ProductAsync(StorageAccount storage, int instances)
    {
        var configuration = new ConfigurationBuilder()
            .AddFunctionsHostJson(Path.Combine(RepositoryRoot.Find(), "host.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TaskHubName"] = "product" + Guid.NewGuid().ToString("N")[..8] })
            .AddEnvironmentVariables()
            .Build();
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string[], List<string>>("HelloCities", async (context, cities) =>
            {
                var greetings = new List<string>();
                foreach (var city in cities!)
                {
                    greetings.Add(await context.CallActivityAsync<string>("SayHello", city));
                }

                return greetings;
            })
            .AddActivityFunc<string, string>("SayHello", (_, city) => $"Hello {city}");
        await using var engine = DurableTaskEngine.Create(TaskHubOptions.FromConfiguration(configuration), storage, registry, EmptyServices.Instance, NullLoggerFactory.Instance);
        await engine.StartAsync();
        var started = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => engine.Client.ScheduleNewOrchestrationInstanceAsync("HelloCities", Cities)));
        var completions = await CompletedAsync(ids, async id => (await engine.Client.GetInstanceAsync(id))?.RuntimeStatus == OrchestrationRuntimeStatus.Completed, started);
        return new Run(started.Elapsed, completions);
    }

    // Seconds from the start of the run to each instance's completion, seen by polling every instance in turn.
    private static async Task<List<double>> CompletedAsync(IEnumerable<string> ids, Func<string, Task<bool>> isCompleted, Stopwatch started)
    {
        var pending = ids.ToHashSet();
        var completions = new List<double>();
        while (pending.Count > 0)
        {
            foreach (var id in pending.ToList())
            {
                if (await isCompleted(id))
                {
                    pending.Remove(id);
                    completions.Add(started.Elapsed.TotalSeconds);
                }
            }

            if (started.Elapsed > TimeSpan.FromMinutes(20))
            {
                throw new TimeoutException($"{pending.Count} instances did not complete in 20 minutes.");
            }

            await Task.Delay(200);
        }

        return completions;
    }

    private sealed record Run(TimeSpan Wall, List<double> Completions);

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }

    private sealed class ClassicHelloCities : TaskOrchestration<List<string>, string[]>
    {
        public override async Task<List<string>> RunTask(OrchestrationContext context, string[] input)
        {
            var greetings = new List<string>();
            foreach (var city in input)
            {
                greetings.Add(await context.ScheduleTask<string>(typeof(ClassicSayHello), city));
            }

            return greetings;
        }
    }

    private sealed class ClassicSayHello : DurableTask.Core.TaskActivity<string, string>
    {
        protected override string Execute(TaskContext context, string input) => $"Hello {input}";
    }
}
