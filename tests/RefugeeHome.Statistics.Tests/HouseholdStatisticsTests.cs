using AwesomeAssertions;
using RefugeeHome.Testing;

namespace RefugeeHome.Statistics.Tests;

public sealed class HouseholdStatisticsTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 11, 21);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Counts_match_a_seeded_population_in_every_stage()
    {
        var harness = await StatisticsHarness.CreateAsync(azurite);
        var hosts = new (string Municipality, HostStage Stage, int Households)[]
        {
            ("Amsterdam", HostStage.Registered, 5), ("amsterdam", HostStage.Screened, 3), ("Amsterdam", HostStage.Available, 4),
            ("Amsterdam", HostStage.Hosting, 2), ("Amsterdam", HostStage.Paused, 1), ("Amsterdam", HostStage.Ended, 6), ("Amsterdam", HostStage.Matched, 1),
            ("Den Bosch", HostStage.Available, 2), ("'s-Hertogenbosch", HostStage.Hosting, 1), ("s-Hertogenbosch", HostStage.Registered, 1),
        };
        var guests = new (string Municipality, GuestStage Stage, int Households)[]
        {
            ("Amsterdam", GuestStage.Waiting, 7), ("Amsterdam", GuestStage.Placed, 2), ("Amsterdam", GuestStage.Referred, 1), ("Amsterdam", GuestStage.Matched, 1),
            ("Den Bosch", GuestStage.Placed, 1), ("Den Bosch", GuestStage.Ended, 3),
        };
        var id = 0;
        foreach (var (municipality, stage, households) in hosts)
        {
            for (var i = 0; i < households; i++)
            {
                await harness.Statistics.RecordHostAsync($"host-{id++}", municipality, stage, None);
            }
        }

        foreach (var (municipality, stage, households) in guests)
        {
            for (var i = 0; i < households; i++)
            {
                await harness.Statistics.RecordGuestAsync($"guest-{id++}", municipality, stage, None);
            }
        }

        await harness.Statistics.RecordPlacementStartedAsync("placement-1", "Amsterdam", Day, None);
        await harness.Statistics.RecordPlacementStartedAsync("placement-2", "Amsterdam", Day, None);
        await harness.Statistics.RecordPlacementEndedAsync("placement-3", "Den Bosch", Day, None);
        await harness.Statistics.RecordPlacementEndedAsync("placement-4", "Den Bosch", Day.AddDays(-1), None);

        var counts = (await harness.Statistics.ReadAsync(Day, None)).ToDictionary(row => row.Municipality, row => row.Counts);

        counts.Keys.Should().BeEquivalentTo(["Amsterdam", "'s-Hertogenbosch"]);
        counts["Amsterdam"].Should().BeEquivalentTo(new Dictionary<string, int>
        {
            [Metrics.HostsRegistered] = 5 + 3 + 4 + 2 + 1 + 1, [Metrics.HostsScreened] = 3 + 4 + 2 + 1 + 1, [Metrics.HostsAvailable] = 4,
            [Metrics.HostsMatched] = 1, [Metrics.HostsHosting] = 2, [Metrics.GuestsWaiting] = 7, [Metrics.GuestsMatched] = 1, [Metrics.GuestsPlaced] = 2,
            [Metrics.PlacementsStarted] = 2, [Metrics.PlacementsEnded] = 0,
        });
        counts["'s-Hertogenbosch"].Should().BeEquivalentTo(new Dictionary<string, int>
        {
            [Metrics.HostsRegistered] = 4, [Metrics.HostsScreened] = 3, [Metrics.HostsAvailable] = 2,
            [Metrics.HostsMatched] = 0, [Metrics.HostsHosting] = 1, [Metrics.GuestsWaiting] = 0, [Metrics.GuestsMatched] = 0, [Metrics.GuestsPlaced] = 1,
            [Metrics.PlacementsStarted] = 0, [Metrics.PlacementsEnded] = 1,
        });
    }

    [Fact]
    public async Task A_journey_moving_through_its_stages_moves_its_counts()
    {
        var harness = await StatisticsHarness.CreateAsync(azurite);
        var seen = new List<(int Registered, int Screened, int Available, int Hosting)>();
        foreach (var stage in new[] { HostStage.Registered, HostStage.Screened, HostStage.Available, HostStage.Hosting, HostStage.Available, HostStage.Ended })
        {
            await harness.Statistics.RecordHostAsync("host-journey-1", "Rotterdam", stage, None);
            var counts = (await harness.Statistics.ReadAsync(Day, None)).Single().Counts;
            seen.Add((counts[Metrics.HostsRegistered], counts[Metrics.HostsScreened], counts[Metrics.HostsAvailable], counts[Metrics.HostsHosting]));
        }

        seen.Should().Equal((1, 0, 0, 0), (1, 1, 0, 0), (1, 1, 1, 0), (1, 1, 0, 1), (1, 1, 1, 0), (0, 0, 0, 0));
    }

    [Fact]
    public async Task Recording_the_same_change_again_counts_it_once()
    {
        var harness = await StatisticsHarness.CreateAsync(azurite);

        for (var retry = 0; retry < 3; retry++)
        {
            await harness.Statistics.RecordGuestAsync("guest-7", "Eindhoven", GuestStage.Waiting, None);
            await harness.Statistics.RecordPlacementStartedAsync("placement-7", "Eindhoven", Day, None);
        }

        var counts = (await harness.Statistics.ReadAsync(Day, None)).Single().Counts;
        counts[Metrics.GuestsWaiting].Should().Be(1);
        counts[Metrics.PlacementsStarted].Should().Be(1);
    }

    [Fact]
    public async Task Concurrent_changes_in_one_municipality_lose_no_count()
    {
        var harness = await StatisticsHarness.CreateAsync(azurite);

        await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            await harness.Statistics.RecordHostAsync($"host-{i}", "Zaanstad", HostStage.Registered, token);
            await harness.Statistics.RecordHostAsync($"host-{i}", "Zaanstad", i % 2 == 0 ? HostStage.Available : HostStage.Screened, token);
        });

        var counts = (await harness.Statistics.ReadAsync(Day, None)).Single().Counts;
        counts[Metrics.HostsRegistered].Should().Be(40);
        counts[Metrics.HostsScreened].Should().Be(40);
        counts[Metrics.HostsAvailable].Should().Be(20);
    }

    [Fact]
    public async Task A_corrected_municipality_moves_the_household_once_even_when_the_move_runs_again_after_being_cut_short()
    {
        var harness = await StatisticsHarness.CreateAsync(azurite);
        await harness.Statistics.RecordHostAsync("host-moving", "Utrecht", HostStage.Available, None);
        await harness.Statistics.RecordHostAsync("host-staying", "Utrecht", HostStage.Available, None);
        // A move cut short after it arrived: the household already counts in the new municipality, not yet gone from the old.
        await harness.Statistics.RecordHostAsync("host-half-moved", "Utrecht", HostStage.Hosting, None);
        await harness.Statistics.RecordHostAsync("host-half-moved", "Amersfoort", HostStage.Hosting, None);

        await harness.Statistics.MoveAsync("host-moving", "Utrecht", "Amersfoort", None);
        await harness.Statistics.MoveAsync("host-moving", "Utrecht", "Amersfoort", None);
        await harness.Statistics.MoveAsync("host-half-moved", "Utrecht", "Amersfoort", None);
        await harness.Statistics.MoveAsync("host-staying", "utrecht", "Utrecht", None);
        var counts = (await harness.Statistics.ReadAsync(Day, None)).ToDictionary(row => row.Municipality, row => row.Counts);

        counts["Utrecht"][Metrics.HostsAvailable].Should().Be(1);
        counts["Utrecht"][Metrics.HostsHosting].Should().Be(0);
        counts["Utrecht"][Metrics.HostsRegistered].Should().Be(1);
        counts["Amersfoort"][Metrics.HostsAvailable].Should().Be(1);
        counts["Amersfoort"][Metrics.HostsHosting].Should().Be(1);
        counts["Amersfoort"][Metrics.HostsRegistered].Should().Be(2);
    }
}
