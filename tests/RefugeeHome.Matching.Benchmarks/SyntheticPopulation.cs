namespace RefugeeHome.Matching.Benchmarks;

/// <summary>Hosts and households drawn from a fixed seed, so every run measures the same population.</summary>
internal static class SyntheticPopulation
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string[] Regions = ["Noord-Holland", "Zuid-Holland", "Utrecht", "Noord-Brabant", "Gelderland", "Overijssel"];
    private static readonly string[] Municipalities = ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Nijmegen", "Enschede", "Zaanstad", "Haarlem"];
    private static readonly string[] Languages = ["nl", "en", "uk", "ru"];

    public static List<HostOffer> Hosts(int count, int seed = 20261123)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new HostOffer(
            $"host-{i:D6}", Municipalities[random.Next(Municipalities.Length)], Regions[random.Next(Regions.Length)], random.Next(1, 7),
            random.Next(10) < 8, random.Next(10) < 8, Enum.GetValues<PetKind>().Where(_ => random.Next(2) == 0).ToHashSet(), random.Next(2) == 0,
            Today.AddDays(-random.Next(0, 60)), random.Next(2) == 0 ? null : Today.AddDays(random.Next(30, 300)),
            Enum.GetValues<HouseholdKind>().Where(_ => random.Next(10) < 8).ToHashSet(),
            Languages.Where(_ => random.Next(3) == 0).ToHashSet(), (Accommodation)random.Next(3),
            random.Next(2) == 0, random.Next(2) == 0, new HashSet<string>())).ToList();
    }

    public static List<GuestHousehold> Households(int count, int seed = 20261124)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var minors = random.Next(0, 4);
            return new GuestHousehold(
                $"guest-{i:D6}", random.Next(1, 3), minors, false, true, minors > 0 ? HouseholdKind.Family : HouseholdKind.Adults,
                random.Next(10) < 3 ? new HashSet<PetKind> { (PetKind)random.Next(3) } : new HashSet<PetKind>(), random.Next(10) < 1,
                Languages.Where(_ => random.Next(2) == 0).ToHashSet(), random.Next(2) == 0 ? Municipalities[random.Next(Municipalities.Length)] : null,
                random.Next(2) == 0 ? Regions[random.Next(Regions.Length)] : null, Today.AddDays(-random.Next(0, 200)),
                (Accommodation)random.Next(3), random.Next(10) < 2, random.Next(10) < 1, new HashSet<string>());
        }).ToList();
    }
}
