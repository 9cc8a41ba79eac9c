using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace RefugeeHome.Matching.Benchmarks;

/// <summary>
/// The daily sweep at three sizes: 1,000 households against 10,000 hosts, 5,000 against 50,000 and 10,000 against
/// 100,000. Each operation builds the day's index and runs the round with four alternatives per household, as the
/// daily round of matching does with its default of five proposals.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SweepBenchmark
{
    private const int Alternatives = 4;
    private readonly MatchingOptions _options = new();
    private List<HostOffer> _hosts = [];
    private List<GuestHousehold> _households = [];

    [Params(1, 5, 10)]
    public int Thousands { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hosts = SyntheticPopulation.Hosts(Thousands * 10_000);
        _households = SyntheticPopulation.Households(Thousands * 1_000);
    }

    [Benchmark]
    public int SweepRound() => DailySweep.Run(_households, HostIndex.Build(_hosts, SyntheticPopulation.Today, _options), alternatives: Alternatives).Proposals.Count;

    [GlobalCleanup]
    public void ReportPeakMemory()
    {
        var index = HostIndex.Build(_hosts, SyntheticPopulation.Today, _options);
        var result = DailySweep.Run(_households, index, alternatives: Alternatives);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// {Thousands * 1_000} households x {_hosts.Count} hosts: {index.Classes.RuleClasses} rule classes, {index.Classes.ScoreClasses} score classes, " +
            $"{result.Proposals.Count} proposed, {result.Alternatives.Count} alternatives, {result.Unmatched.Count} unmatched, peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MiB");
    }
}
