using BenchmarkDotNet.Attributes;

namespace RefugeeHome.Matching.Benchmarks;

/// <summary>Ranking all available hosts for one guest household host by host, at three population sizes.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class RankingBenchmark
{
    private readonly MatchingOptions _options = new();
    private List<HostOffer> _hosts = [];
    private GuestHousehold _guest = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Hosts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hosts = SyntheticPopulation.Hosts(Hosts);
        _guest = SyntheticPopulation.FamilyWishingZaanstad();
    }

    [Benchmark]
    public int RankTop10() => Ranking.Rank(_guest, _hosts, SyntheticPopulation.Today, 10, _options).Proposals.Count;
}
