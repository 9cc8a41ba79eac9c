using System.Globalization;
using Azure.Data.Tables;
using RefugeeHome.Durable.Benchmarks;
using RefugeeHome.Hosting.LocalStorage;

// Usage: dotnet run -c Release --project tests/RefugeeHome.Durable.Benchmarks [instances] [waiting]
var instances = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var waiting = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

await using var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), AzuriteOptions.InMemoryOnFreePorts(), CancellationToken.None);
var tables = new TableServiceClient(azurite.ConnectionString);
Console.WriteLine($"Azurite in memory on 127.0.0.1, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var replay = ReplayBenchmark.Run([10, 100, 333]).ToList();
Console.WriteLine("\n(replay) history events | median replay µs | µs per event");
foreach (var row in replay)
{
    Console.WriteLine($"{row.HistoryEvents,6} | {row.MedianMicroseconds,10:F1} | {row.MicrosecondsPerEvent,6:F3}");
}

var concurrency = new RefugeeHome.Durable.DurableRuntimeOptions().MaxConcurrentEpisodes;
var raw = await RawStorageBenchmark.RunAsync(tables, concurrency, TimeSpan.FromSeconds(15));
Console.WriteLine($"\n(a) raw Azurite at concurrency {concurrency}: {raw.ReadPlusTransactionsPerSecond:F0} read+transaction/s, {raw.TransactionsPerSecond:F0} transaction-only/s");

var throughput = await ThroughputBenchmark.RunAsync(tables, instances);
Console.WriteLine($"\n(b) hello cities: {throughput.Instances} instances x 5 activities in {throughput.Seconds:F1} s");
Console.WriteLine($"    {throughput.EventsPerSecond:F0} events/s, {throughput.InstancesPerSecond:F0} instances/s, start-to-complete p50 {throughput.P50Seconds:F2} s, p95 {throughput.P95Seconds:F2} s");
Console.WriteLine($"\n(c) b / a = {throughput.EventsPerSecond / raw.ReadPlusTransactionsPerSecond:F2} (events per read+transaction), {throughput.EventsPerSecond / raw.TransactionsPerSecond:F2} (events per transaction)");

var memory = await WaitingMemoryBenchmark.RunAsync(tables, waiting);
Console.WriteLine($"\n(memory) {memory.Waiting} instances waiting on timers/events: RSS {memory.BaselineMegabytes:F0} MiB before, {memory.WaitingMegabytes:F0} MiB after, {memory.InstancesInMemory} held in memory");
