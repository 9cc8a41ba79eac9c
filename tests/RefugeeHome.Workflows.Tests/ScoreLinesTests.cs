using AwesomeAssertions;
using RefugeeHome.Cases;
using RefugeeHome.Matching;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Workflows.Tests;

public sealed class ScoreLinesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly MatchingOptions Options = new();

    private static readonly HostOffer AmersfoortFlat = new(
        "host-7", "Amersfoort", "Utrecht", 3, AcceptsChildren: true, ChildSafetyScreened: true, new HashSet<PetKind>(), StepFree: true,
        Today.AddDays(-3), null, Enum.GetValues<HouseholdKind>().ToHashSet(), new HashSet<string> { "nl", "ru" }, Accommodation.SeparateDwelling,
        SmokeFree: false, WelcomesFamilies: false, new HashSet<string>())
    {
        Position = GuestHouseholds.PositionOf("Amersfoort"),
    };

    private static readonly GuestHousehold Mother = new(
        "guest-3", 1, 2, UnaccompaniedMinor: false, EligibilityRecorded: true, HouseholdKind.WomenAndChildren, new HashSet<PetKind>(), NeedsStepFree: false,
        new HashSet<string> { "uk", "ru" }, "Utrecht", "Utrecht", Today.AddDays(-30), Accommodation.PrivateRoomAndBathroom, Smokers: true,
        RematchPriority: true, new HashSet<string>())
    {
        PreferredPosition = GuestHouseholds.PositionOf("Utrecht"),
    };

    public static TheoryData<string, GuestHousehold, string[]> Cases => new()
    {
        {
            "a mother with two children who wished Utrecht, offered a flat in Amersfoort after an early end",
            Mother,
            [$"Gastgezin {CaseNumbers.Of("host-7")}: Amersfoort, plaats voor 3, talen: Nederlands, Russisch, score 82.1",
             "Taal: +30 / 30 — gedeelde taal: Russisch",
             "Plaats: +15.4 / 25 — Amersfoort, 23 km van de gewenste gemeente Utrecht",
             "Wachttijd: +6.7 / 20 — 30 dagen wachtend",
             "Woonruimte: +10 / 10 — aparte woonruimte, zoals gewenst",
             "Roken: +5 / 5 — rookgewoonten passen",
             "Gezin welkom: +0 / 5 — geen gezinsvoorkeur van toepassing",
             "Voorrang: +15 / 15 — eerdere plaatsing eindigde vroeg"]
        },
        {
            "the same mother had she wished Amsterdam and spoken only Ukrainian",
            Mother with { Languages = new HashSet<string> { "uk" }, PreferredMunicipality = "Amsterdam", PreferredRegion = "Noord-Holland",
                PreferredPosition = GuestHouseholds.PositionOf("Amsterdam"), RematchPriority = false },
            [$"Gastgezin {CaseNumbers.Of("host-7")}: Amersfoort, plaats voor 3, talen: Nederlands, Russisch, score 30.4",
             "Taal: +0 / 30 — geen gedeelde taal",
             "Plaats: +8.8 / 25 — Amersfoort, 39 km van de gewenste gemeente Amsterdam",
             "Wachttijd: +6.7 / 20 — 30 dagen wachtend",
             "Woonruimte: +10 / 10 — aparte woonruimte, zoals gewenst",
             "Roken: +5 / 5 — rookgewoonten passen",
             "Gezin welkom: +0 / 5 — geen gezinsvoorkeur van toepassing",
             "Voorrang: +0 / 15 — eerste plaatsing"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_Dutch_matcher_reads_each_factor_in_Dutch(string situation, GuestHousehold guest, string[] expected)
    {
        var lines = new ScoreLines(WorkflowCatalogue.Templates(), "nl")
            .For(AmersfoortFlat, SoftScore.Total(guest, AmersfoortFlat, Today, Options), SoftScore.Explain(guest, AmersfoortFlat, Today, Options));

        lines.Should().Equal(expected, situation);
    }

    [Fact]
    public void Every_reason_reads_in_every_staff_language()
    {
        var templates = WorkflowCatalogue.Templates();
        var hosts = new[] { AmersfoortFlat, AmersfoortFlat with { Accommodation = Accommodation.PrivateRoom, SmokeFree = true, WelcomesFamilies = true, Position = null } };
        var guests = new[] { null, "Amersfoort", "Utrecht", "Amsterdam", "Groningen", "Wormerland" }
            .SelectMany(wish => new[] { "Utrecht", "Drenthe", null }.Select(region => Mother with
            {
                PreferredMunicipality = wish, PreferredRegion = region, PreferredPosition = wish is null ? null : GuestHouseholds.PositionOf(wish),
            }))
            .SelectMany(guest => new[] { guest, guest with { Languages = new HashSet<string> { "en" }, Minors = 0, Smokers = false, RematchPriority = false } })
            .ToList();
        var explained = guests.SelectMany(guest => hosts.Select(host => (Host: host, Factors: SoftScore.Explain(guest, host, Today, Options)))).ToList();

        explained.SelectMany(pair => pair.Factors.Select(factor => $"{factor.Factor}.{factor.Reason}")).Distinct().Should().HaveCount(19, "every reason code occurs");
        foreach (var language in new[] { "nl", "en", "uk", "ru" })
        {
            var lines = explained.SelectMany(pair => new ScoreLines(templates, language).For(pair.Host, 0, pair.Factors)).ToList();
            lines.Should().NotContain(line => line.Contains('{') || line.Contains("reason.", StringComparison.Ordinal) || line.Contains("value.", StringComparison.Ordinal), language);
        }
    }
}
