using BenchmarkDotNet.Attributes;

namespace RefugeeHome.Matching.Benchmarks;

/// <summary>Ranking all available hosts for one guest household, at three population sizes.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class RankingBenchmark
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string[] Regions = ["Noord-Holland", "Zuid-Holland", "Utrecht", "Noord-Brabant", "Gelderland", "Overijssel"];
    private static readonly string[] Municipalities = ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Nijmegen", "Enschede", "Zaanstad", "Haarlem"];
    private readonly MatchingOptions _options = new();
    private List<HostOffer> _hosts = [];
    private GuestHousehold _guest = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Hosts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A fixed seed: every run ranks the same population.
        var random = new Random(20261123);
        _hosts = Enumerable.Range(0, Hosts).Select(i => new HostOffer(
            $"host-{i:D6}", Municipalities[random.Next(Municipalities.Length)], Regions[random.Next(Regions.Length)], random.Next(1, 7),
            random.Next(10) < 8, random.Next(10) < 8, Enum.GetValues<PetKind>().Where(_ => random.Next(2) == 0).ToHashSet(), random.Next(2) == 0,
            Today.AddDays(-random.Next(0, 60)), random.Next(2) == 0 ? null : Today.AddDays(random.Next(30, 300)),
            Enum.GetValues<HouseholdKind>().Where(_ => random.Next(10) < 8).ToHashSet(),
            new[] { "nl", "en", "uk", "ru" }.Where(_ => random.Next(3) == 0).ToHashSet(), (Accommodation)random.Next(3),
            random.Next(2) == 0, random.Next(2) == 0, new HashSet<string>())).ToList();
        _guest = new GuestHousehold("guest-1", 2, 1, false, true, HouseholdKind.Family, new HashSet<PetKind> { PetKind.Cat }, false,
            new HashSet<string> { "uk", "ru" }, "Zaanstad", "Noord-Holland", Today.AddDays(-45), Accommodation.PrivateRoom, false, false, new HashSet<string>());
    }

    [Benchmark]
    public int RankTop10() => Ranking.Rank(_guest, _hosts, Today, 10, _options).Proposals.Count;
}
