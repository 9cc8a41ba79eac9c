namespace RefugeeHome.Matching.Benchmarks;

/// <summary>Hosts and households drawn from a fixed seed, so every run measures the same population.</summary>
internal static class SyntheticPopulation
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string[] Regions = ["Noord-Holland", "Zuid-Holland", "Utrecht", "Noord-Brabant", "Gelderland", "Overijssel"];
    private static readonly string[] Municipalities = ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Nijmegen", "Enschede", "Zaanstad", "Haarlem"];
    private static readonly string[] Languages = ["nl", "en", "uk", "ru"];

    public static readonly IReadOnlyDictionary<string, GeoPoint> Positions = new Dictionary<string, GeoPoint>
    {
        ["Amsterdam"] = new(52.373, 4.893), ["Rotterdam"] = new(51.922, 4.479), ["Utrecht"] = new(52.091, 5.122), ["Eindhoven"] = new(51.441, 5.478),
        ["Nijmegen"] = new(51.842, 5.853), ["Enschede"] = new(52.221, 6.894), ["Zaanstad"] = new(52.439, 4.826), ["Haarlem"] = new(52.381, 4.636),
    };

    public static List<HostOffer> Hosts(int count, int seed = 20261123)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var municipality = Municipalities[random.Next(Municipalities.Length)];
            return new HostOffer(
                $"host-{i:D6}", municipality, Regions[random.Next(Regions.Length)], random.Next(1, 7),
                random.Next(10) < 8, random.Next(10) < 8, Enum.GetValues<PetKind>().Where(_ => random.Next(2) == 0).ToHashSet(), random.Next(2) == 0,
                Today.AddDays(-random.Next(0, 60)), random.Next(2) == 0 ? null : Today.AddDays(random.Next(30, 300)),
                Enum.GetValues<HouseholdKind>().Where(_ => random.Next(10) < 8).ToHashSet(),
                Languages.Where(_ => random.Next(3) == 0).ToHashSet(), (Accommodation)random.Next(3),
                random.Next(2) == 0, random.Next(2) == 0, new HashSet<string>())
            {
                Position = Positions[municipality],
            };
        }).ToList();
    }

    public static List<GuestHousehold> Households(int count, int seed = 20261124)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var minors = random.Next(0, 4);
            var household = new GuestHousehold(
                $"guest-{i:D6}", random.Next(1, 3), minors, false, true, minors > 0 ? HouseholdKind.Family : HouseholdKind.Adults,
                random.Next(10) < 3 ? new HashSet<PetKind> { (PetKind)random.Next(3) } : new HashSet<PetKind>(), random.Next(10) < 1,
                Languages.Where(_ => random.Next(2) == 0).ToHashSet(), random.Next(2) == 0 ? Municipalities[random.Next(Municipalities.Length)] : null,
                random.Next(2) == 0 ? Regions[random.Next(Regions.Length)] : null, Today.AddDays(-random.Next(0, 200)),
                (Accommodation)random.Next(3), random.Next(10) < 2, random.Next(10) < 1, new HashSet<string>());
            return household with { PreferredPosition = household.PreferredMunicipality is { } wished ? Positions[wished] : null };
        }).ToList();
    }

    /// <summary>The family the single-household benchmarks rank for: 2 adults, 1 child, a cat, Ukrainian and Russian.</summary>
    public static GuestHousehold FamilyWishingZaanstad() => new(
        "guest-1", 2, 1, false, true, HouseholdKind.Family, new HashSet<PetKind> { PetKind.Cat }, false,
        new HashSet<string> { "uk", "ru" }, "Zaanstad", "Noord-Holland", Today.AddDays(-45), Accommodation.PrivateRoom, false, false, new HashSet<string>())
    {
        PreferredPosition = Positions["Zaanstad"],
    };
}
