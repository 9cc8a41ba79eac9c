using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Statistics;
using RefugeeHome.Matching.Municipalities;

// Usage: dotnet run -c Release --project tests/RefugeeHome.Statistics.Benchmarks
// Records 1,000 households through the statistics API across the listed municipalities, then grows the counters table with household rows to 10,000
// and 100,000 and reads the report at each size: the read must not grow with households.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
await using var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), AzuriteOptions.InMemoryOnFreePorts(), CancellationToken.None);
var tables = new TableServiceClient(azurite.ConnectionString);
var statistics = new HouseholdStatistics(tables, MunicipalityNames.Default);
await statistics.CreateTablesAsync(CancellationToken.None);
var municipalities = MunicipalityNames.Default.Canonical.ToList();
var day = new DateOnly(2026, 11, 21);
Console.WriteLine($"Azurite in memory on 127.0.0.1, {Environment.ProcessorCount} cores, .NET {Environment.Version}; {municipalities.Count} municipalities");

var stageChanges = new List<double>();
var stages = new[] { HostStage.Registered, HostStage.Screened, HostStage.Available };
using (var gate = new SemaphoreSlim(16))
{
    await Task.WhenAll(Enumerable.Range(0, 1_000).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            var stopwatch = Stopwatch.StartNew();
            await statistics.RecordHostAsync($"host-{i}", municipalities[i % municipalities.Count], stages[i % stages.Length], CancellationToken.None);
            lock (stageChanges)
            {
                stageChanges.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            gate.Release();
        }
    }));
}

stageChanges.Sort();
Console.WriteLine($"\nstage change (read household + counters, one transaction), 16 concurrent: median {stageChanges[stageChanges.Count / 2]:F1} ms, p95 {stageChanges[(int)(stageChanges.Count * 0.95)]:F1} ms");
Console.WriteLine("\nhouseholds in table | report read median (5 runs) | municipalities in report");
var counters = tables.GetTableClient("StatisticsCounters");
var households = 1_000;
foreach (var size in new[] { 1_000, 10_000, 100_000 })
{
    // Household rows only: they change no counter, so every size reports the same numbers.
    var padding = Enumerable.Range(households, size - households)
        .Select(i => new TableEntity(municipalities[i % municipalities.Count], $"h|pad-{i}") { ["Kind"] = "host", ["Stage"] = "Ended", ["Metrics"] = "" })
        .GroupBy(row => row.PartitionKey)
        .SelectMany(partition => partition.Chunk(100));
    await Parallel.ForEachAsync(padding, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (batch, token) =>
        await counters.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), token));
    households = size;

    var reads = new List<double>();
    IReadOnlyList<MunicipalityCounts> report = [];
    for (var run = 0; run < 6; run++)
    {
        var stopwatch = Stopwatch.StartNew();
        report = await statistics.ReadAsync(day, CancellationToken.None);
        if (run > 0)
        {
            reads.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
    }

    reads.Sort();
    var registered = report.Sum(row => row.Counts[Metrics.HostsRegistered]);
    if (registered != 1_000)
    {
        throw new InvalidOperationException($"The report counts {registered} registered hosts instead of 1000.");
    }

    Console.WriteLine($"{size,19:N0} | {reads[reads.Count / 2],24:F0} ms | {report.Count,6}");
}
