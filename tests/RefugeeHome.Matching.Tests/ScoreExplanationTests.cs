using AwesomeAssertions;

namespace RefugeeHome.Matching.Tests;

public sealed class ScoreExplanationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly MatchingOptions Options = new();

    private static readonly HostOffer ZaanstadFamilyHome = new(
        "host-zaanstad", "Zaanstad", "Noord-Holland", 5, AcceptsChildren: true, ChildSafetyScreened: true, new HashSet<PetKind> { PetKind.Cat },
        StepFree: false, Today.AddDays(-10), null, new HashSet<HouseholdKind> { HouseholdKind.Family, HouseholdKind.WomenAndChildren },
        new HashSet<string> { "nl", "en", "ru" }, Accommodation.PrivateRoomAndBathroom, SmokeFree: true, WelcomesFamilies: true, new HashSet<string>());

    private static readonly GuestHousehold FamilyWithCat = new(
        "guest-1", 2, 1, UnaccompaniedMinor: false, EligibilityRecorded: true, HouseholdKind.Family, new HashSet<PetKind> { PetKind.Cat },
        NeedsStepFree: false, new HashSet<string> { "uk", "ru" }, "Zaanstad", null, Today.AddDays(-45), Accommodation.PrivateRoom,
        Smokers: false, RematchPriority: false, new HashSet<string>());

    public static TheoryData<string, GuestHousehold, string[]> Cases => new()
    {
        {
            "family with a cat, Russian shared, wished municipality, 45 days waiting",
            FamilyWithCat,
            ["language 30/30 shared language: ru", "location 25/25 in the wished municipality Zaanstad", "waiting 10/20 waiting 45 days",
             "accommodation 10/10 PrivateRoomAndBathroom meets the wish", "smoking 5/5 smoking habits fit",
             "family welcome 5/5 host would like a family with children", "rematch 0/15 first placement"]
        },
        {
            "smoking couple wishing Eindhoven, only Ukrainian, a separate flat, after an early end",
            FamilyWithCat with { Minors = 0, Kind = HouseholdKind.Adults, Languages = new HashSet<string> { "uk" }, PreferredMunicipality = "Eindhoven",
                PreferredRegion = "Noord-Brabant", WaitingSince = Today.AddDays(-200), WishedAccommodation = Accommodation.SeparateDwelling, Smokers = true, RematchPriority = true },
            ["language 0/30 no shared language", "location 0/25 Zaanstad (Noord-Holland) is outside the wish", "waiting 20/20 waiting 200 days",
             "accommodation 0/10 PrivateRoomAndBathroom is less than SeparateDwelling", "smoking 0/5 guests smoke, home is smoke-free",
             "family welcome 0/5 no family preference met", "rematch 15/15 earlier placement ended early"]
        },
        {
            "wish for Amsterdam, host elsewhere in Noord-Holland",
            FamilyWithCat with { PreferredMunicipality = "Amsterdam", PreferredRegion = "Noord-Holland" },
            ["language 30/30 shared language: ru", "location 12.5/25 in the wished region Noord-Holland, not in Amsterdam", "waiting 10/20 waiting 45 days",
             "accommodation 10/10 PrivateRoomAndBathroom meets the wish", "smoking 5/5 smoking habits fit",
             "family welcome 5/5 host would like a family with children", "rematch 0/15 first placement"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_factor_shows_its_weight_its_contribution_and_why(string situation, GuestHousehold guest, string[] expected)
    {
        var factors = SoftScore.Explain(guest, ZaanstadFamilyHome, Today, Options);

        factors.Select(factor => $"{factor.Factor} {factor.Contribution:0.##}/{factor.Weight:0.##} {factor.Reason}").Should().Equal(expected, situation);
        SoftScore.Total(guest, ZaanstadFamilyHome, Today, Options).Should().BeApproximately(factors.Sum(factor => factor.Contribution), 1e-9);
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

        var result = Ranking.Rank(needsStepFreeWithDog, hosts, Today, 5, Options);

        result.Proposals.Should().BeEmpty();
        result.Excluded.Should().BeEquivalentTo(new Dictionary<Exclusion, int> { [Exclusion.PetNotAccepted] = 2, [Exclusion.Capacity] = 1 });
    }

    [Fact]
    public void Equal_scores_are_ordered_by_host_id_so_every_matcher_sees_the_same_list()
    {
        var hosts = Enumerable.Range(0, 8).Select(i => ZaanstadFamilyHome with { HostId = $"host-{7 - i}" }).ToList();

        var proposals = Ranking.Rank(FamilyWithCat, hosts, Today, 3, Options).Proposals;

        proposals.Select(proposal => proposal.HostId).Should().Equal("host-0", "host-1", "host-2");
    }
}
