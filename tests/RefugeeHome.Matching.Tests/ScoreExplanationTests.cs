using AwesomeAssertions;

namespace RefugeeHome.Matching.Tests;

public sealed class ScoreExplanationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly MatchingOptions Options = new();

    private static readonly GeoPoint Amsterdam = new(52.373, 4.893);
    private static readonly GeoPoint Hilversum = new(52.223, 5.176);
    private static readonly GeoPoint Eindhoven = new(51.441, 5.478);

    private static readonly HostOffer ZaanstadFamilyHome = new(
        "host-zaanstad", "Zaanstad", "Noord-Holland", 5, AcceptsChildren: true, ChildSafetyScreened: true, new HashSet<PetKind> { PetKind.Cat },
        StepFree: false, Today.AddDays(-10), null, new HashSet<HouseholdKind> { HouseholdKind.Family, HouseholdKind.WomenAndChildren },
        new HashSet<string> { "nl", "en", "ru" }, Accommodation.PrivateRoomAndBathroom, SmokeFree: true, WelcomesFamilies: true, new HashSet<string>())
    {
        Position = new GeoPoint(52.439, 4.826),
    };

    private static readonly GuestHousehold FamilyWithCat = new(
        "guest-1", 2, 1, UnaccompaniedMinor: false, EligibilityRecorded: true, HouseholdKind.Family, new HashSet<PetKind> { PetKind.Cat },
        NeedsStepFree: false, new HashSet<string> { "uk", "ru" }, "Zaanstad", "Noord-Holland", Today.AddDays(-45), Accommodation.PrivateRoom,
        Smokers: false, RematchPriority: false, new HashSet<string>());

    private static readonly string[] UsualRest =
    [
        "waiting 10/20 days [45]", "accommodation 10/10 meets [PrivateRoomAndBathroom]", "smoking 5/5 fits []", "family 5/5 welcome []", "rematch 0/15 first []",
    ];

    public static TheoryData<string, GuestHousehold, string[]> Cases => new()
    {
        {
            "family with a cat, Russian shared, wished municipality, 45 days waiting",
            FamilyWithCat,
            ["language 30/30 shared [ru]", "location 25/25 municipality [Zaanstad]", .. UsualRest]
        },
        {
            "smoking couple wishing Eindhoven, 120 km away, only Ukrainian, a separate flat, after an early end",
            FamilyWithCat with { Minors = 0, Kind = HouseholdKind.Adults, Languages = new HashSet<string> { "uk" }, PreferredMunicipality = "Eindhoven",
                PreferredRegion = "Noord-Brabant", PreferredPosition = Eindhoven, WaitingSince = Today.AddDays(-200), WishedAccommodation = Accommodation.SeparateDwelling,
                Smokers = true, RematchPriority = true },
            ["language 0/30 none []", "location 0/25 far [Zaanstad, 120, Eindhoven]", "waiting 20/20 days [200]",
             "accommodation 0/10 less [PrivateRoomAndBathroom, SeparateDwelling]", "smoking 0/5 clash []",
             "family 0/5 none []", "rematch 15/15 ended-early []"]
        },
        {
            "wish for Amsterdam, the host 9 km away in Zaanstad: nearly as good",
            FamilyWithCat with { PreferredMunicipality = "Amsterdam", PreferredPosition = Amsterdam },
            ["language 30/30 shared [ru]", "location 21.25/25 near [Zaanstad, 9, Amsterdam]", .. UsualRest]
        },
        {
            "wish for Hilversum, 34 km away: the same province counts for more than the distance",
            FamilyWithCat with { PreferredMunicipality = "Hilversum", PreferredPosition = Hilversum },
            ["language 30/30 shared [ru]", "location 12.5/25 region-near [Noord-Holland, 34, Hilversum]", .. UsualRest]
        },
        {
            "wish for a village not on the list, elsewhere in Noord-Holland: the region only",
            FamilyWithCat with { PreferredMunicipality = "Wormerland", PreferredPosition = null },
            ["language 30/30 shared [ru]", "location 12.5/25 region-not-municipality [Noord-Holland, Wormerland]", .. UsualRest]
        },
        {
            "only a region wished, and the host is in it",
            FamilyWithCat with { PreferredMunicipality = null },
            ["language 30/30 shared [ru]", "location 25/25 region [Noord-Holland]", .. UsualRest]
        },
        {
            "no wish at all",
            FamilyWithCat with { PreferredMunicipality = null, PreferredRegion = null, Languages = new HashSet<string> { "uk", "ru", "en" } },
            ["language 30/30 shared [en, ru]", "location 25/25 no-wish []", .. UsualRest]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_factor_shows_its_weight_its_contribution_and_why(string situation, GuestHousehold guest, string[] expected)
    {
        var factors = SoftScore.Explain(guest, ZaanstadFamilyHome, Today, Options);

        factors.Select(factor => $"{factor.Factor} {factor.Contribution:0.##}/{factor.Weight:0.##} {factor.Reason} [{string.Join(", ", factor.Values)}]")
            .Should().Equal(expected, situation);
        SoftScore.Total(guest, ZaanstadFamilyHome, Today, Options).Should().BeApproximately(factors.Sum(factor => factor.Contribution), 1e-9);
    }

    [Fact]
    public void Nearness_falls_off_with_distance_and_ends_at_the_nearby_limit()
    {
        var elsewhere = ZaanstadFamilyHome with { Region = "Elders" };
        double Location(GeoPoint wished) => SoftScore.Explain(
            FamilyWithCat with { PreferredMunicipality = "Wished", PreferredPosition = wished }, elsewhere, Today, Options).Single(factor => factor.Factor == "location").Contribution;

        var near = Location(Amsterdam);
        var further = Location(Hilversum);
        var far = Location(Eindhoven);

        near.Should().BeGreaterThan(further);
        further.Should().BeGreaterThan(0);
        far.Should().Be(0, "Eindhoven is beyond the 60 km nearby limit");
    }

    [Fact]
    public void A_matcher_sees_why_nothing_fits_a_hard_to_place_household()
    {
        var needsStepFreeWithDog = FamilyWithCat with { NeedsStepFree = true, Pets = new HashSet<PetKind> { PetKind.Dog } };
        var hosts = new[]
        {
            ZaanstadFamilyHome,
            ZaanstadFamilyHome with { HostId = "host-2", StepFree = true },
            ZaanstadFamilyHome with { HostId = "host-3", StepFree = true, AcceptedPets = new HashSet<PetKind> { PetKind.Dog }, Capacity = 2 },
        };

        var index = HostIndex.Build(hosts, Today, Options);

        index.Ranked(needsStepFreeWithDog).Should().BeEmpty();
        index.Excluded(needsStepFreeWithDog).Should().BeEquivalentTo(new Dictionary<Exclusion, int> { [Exclusion.PetNotAccepted] = 2, [Exclusion.Capacity] = 1 });
    }

    [Fact]
    public void Equal_scores_are_ordered_by_host_id_so_every_matcher_sees_the_same_list()
    {
        var hosts = Enumerable.Range(0, 8).Select(i => ZaanstadFamilyHome with { HostId = $"host-{7 - i}" }).ToList();

        var ranked = HostIndex.Build(hosts, Today, Options).Ranked(FamilyWithCat).Take(3);

        ranked.Select(best => best.Host.HostId).Should().Equal("host-0", "host-1", "host-2");
    }
}
