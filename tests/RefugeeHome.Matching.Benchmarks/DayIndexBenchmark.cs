using BenchmarkDotNet.Attributes;

namespace RefugeeHome.Matching.Benchmarks;

/// <summary>
/// The day's <see cref="HostIndex"/> at three population sizes: building it, and ranking one household from it as
/// the daily round does. Each ranking gets a freshly built index, so it pays for judging the classes and grouping
/// the scores, which the index otherwise keeps for households that look alike.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(warmupCount: 3, iterationCount: 30, invocationCount: 1)]
public class DayIndexBenchmark
{
    private readonly MatchingOptions _options = new();
    private List<HostOffer> _hosts = [];
    private GuestHousehold _guest = null!;
    private HostIndex _index = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Hosts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hosts = SyntheticPopulation.Hosts(Hosts);
        _guest = SyntheticPopulation.FamilyWishingZaanstad();
    }

    [IterationSetup(Target = nameof(RankTop10FromFreshIndex))]
    public void BuildIndexForTheIteration() => _index = HostIndex.Build(_hosts, SyntheticPopulation.Today, _options);

    [Benchmark]
    public int BuildIndex() => HostIndex.Build(_hosts, SyntheticPopulation.Today, _options).Count;

    [Benchmark]
    public int RankTop10FromFreshIndex() => _index.Ranked(_guest).Take(10).Count();
}
