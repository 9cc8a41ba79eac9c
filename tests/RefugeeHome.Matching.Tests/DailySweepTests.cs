using AwesomeAssertions;
using FsCheck;
using FsCheck.Fluent;

namespace RefugeeHome.Matching.Tests;

public sealed class DailySweepTests
{
    private static readonly MatchingOptions Options = new();
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void The_index_ranks_exactly_as_ranking_host_by_host_does() =>
        Check.One(Quick, Prop.ForAll(Populations.Scenario().ToArbitrary(), scenario =>
        {
            var expected = ReferenceRanking.Rank(scenario.Guest, scenario.Hosts, Populations.Today, 10, Options).Best
                .Select(best => (best.HostId, Math.Round(best.Score, 9)));
            var actual = HostIndex.Build(scenario.Hosts, Populations.Today, Options).Ranked(scenario.Guest).Take(10)
                .Select(best => (best.Host.HostId, Math.Round(best.Score, 9)));
            return actual.SequenceEqual(expected);
        }));

    [Fact]
    public void Households_that_differ_only_in_waiting_and_rematch_share_the_index_and_still_rank_as_ranking_host_by_host_does() =>
        Check.One(Quick, Prop.ForAll(Populations.Scenario().ToArbitrary(), Gen.Choose(0, 400).Two().ToArbitrary(), (scenario, waits) =>
        {
            var index = HostIndex.Build(scenario.Hosts, Populations.Today, Options);
            var variants = new[]
            {
                scenario.Guest,
                scenario.Guest with { GuestId = "guest-2", WaitingSince = Populations.Today.AddDays(-waits.Item1), RematchPriority = !scenario.Guest.RematchPriority },
                scenario.Guest with { GuestId = "guest-3", WaitingSince = Populations.Today.AddDays(-waits.Item2) },
            };
            return variants.All(guest => index.Ranked(guest).Take(10).Select(best => (best.Host.HostId, Math.Round(best.Score, 9)))
                .SequenceEqual(ReferenceRanking.Rank(guest, scenario.Hosts, Populations.Today, 10, Options).Best.Select(best => (best.HostId, Math.Round(best.Score, 9)))));
        }));

    [Fact]
    public void The_index_counts_exclusions_exactly_as_ranking_host_by_host_does() =>
        Check.One(Quick, Prop.ForAll(Populations.Scenario().ToArbitrary(), scenario =>
        {
            var expected = ReferenceRanking.Rank(scenario.Guest, scenario.Hosts, Populations.Today, 1, Options).Excluded;
            var actual = HostIndex.Build(scenario.Hosts, Populations.Today, Options).Excluded(scenario.Guest);
            return actual.Count == expected.Count && actual.All(pair => expected.GetValueOrDefault(pair.Key) == pair.Value);
        }));

    [Fact]
    public void A_sweep_never_breaks_a_hard_rule_and_proposes_no_host_and_no_household_twice() =>
        Check.One(Quick, Prop.ForAll(Populations.Round().ToArbitrary(), round =>
        {
            var (guests, hosts) = round;
            var result = DailySweep.Run(guests, HostIndex.Build(hosts, Populations.Today, Options));
            var guestById = guests.ToDictionary(guest => guest.GuestId);
            var hostById = hosts.ToDictionary(host => host.HostId);
            return result.Proposals.All(proposal => HardRules.FirstBroken(guestById[proposal.GuestId], hostById[proposal.HostId], Populations.Today, Options) is null)
                && result.Proposals.Select(proposal => proposal.HostId).Distinct().Count() == result.Proposals.Count
                && result.Proposals.Count + result.Unmatched.Count == guests.Count
                && result.Unmatched.Union(result.Proposals.Select(proposal => proposal.GuestId)).Count() == guests.Count;
        }));

    [Fact]
    public void Alternatives_go_to_households_with_a_proposal_break_no_rule_and_repeat_no_host_of_the_round() =>
        Check.One(Quick, Prop.ForAll(Populations.Round().ToArbitrary(), round =>
        {
            var (guests, hosts) = round;
            var result = DailySweep.Run(guests, HostIndex.Build(hosts, Populations.Today, Options), candidates: 3, alternatives: 2);
            var guestById = guests.ToDictionary(guest => guest.GuestId);
            var hostById = hosts.ToDictionary(host => host.HostId);
            var proposed = result.Proposals.Select(proposal => proposal.GuestId).ToHashSet();
            var everyHost = result.Proposals.Concat(result.Alternatives).Select(proposal => proposal.HostId).ToList();
            return result.Alternatives.All(alternative => proposed.Contains(alternative.GuestId)
                    && HardRules.FirstBroken(guestById[alternative.GuestId], hostById[alternative.HostId], Populations.Today, Options) is null)
                && result.Alternatives.GroupBy(alternative => alternative.GuestId).All(group => group.Count() <= 2)
                && everyHost.Distinct().Count() == everyHost.Count;
        }));

    [Fact]
    public void Left_over_hosts_are_dealt_in_turns_longest_waiting_first()
    {
        var today = Populations.Today;
        var hosts = Enumerable.Range(1, 4).Select(index => Host($"host-{index}", capacity: 4, acceptsChildren: true)).ToList();
        var waitingLong = Guest("guest-b", minors: 0) with { WaitingSince = today.AddDays(-60) };
        var waitingShort = Guest("guest-a", minors: 0) with { WaitingSince = today.AddDays(-5) };

        var result = DailySweep.Run([waitingShort, waitingLong], HostIndex.Build(hosts, today, Options), alternatives: 5);

        result.Proposals.Should().HaveCount(2);
        result.Alternatives.Select(alternative => alternative.GuestId).Should().Equal("guest-b", "guest-a");
        result.Proposals.Concat(result.Alternatives).Select(proposal => proposal.HostId).Should().OnlyHaveUniqueItems().And.HaveCount(4);
    }

    [Fact]
    public void A_sweep_leaves_no_household_unmatched_while_a_host_it_may_have_is_left_over() =>
        Check.One(Quick, Prop.ForAll(Populations.Round().ToArbitrary(), round =>
        {
            var (guests, hosts) = round;
            var index = HostIndex.Build(hosts, Populations.Today, Options);
            var result = DailySweep.Run(guests, index, candidates: 2);
            var taken = result.Proposals.Select(proposal => proposal.HostId).ToHashSet();
            return result.Unmatched.All(guestId =>
                index.Ranked(guests.Single(guest => guest.GuestId == guestId)).All(best => taken.Contains(best.Host.HostId)));
        }));

    [Fact]
    public void A_host_goes_where_it_fits_overall_not_to_the_household_looked_at_first()
    {
        // Both hosts fit the couple equally well; only host A takes the family's children.
        var today = Populations.Today;
        var hostA = Host("host-a", capacity: 4, acceptsChildren: true);
        var hostB = Host("host-b", capacity: 4, acceptsChildren: false);
        var first = Guest("guest-1", minors: 0);
        var second = Guest("guest-2", minors: 2);

        var result = DailySweep.Run([first, second], HostIndex.Build([hostA, hostB], today, Options));

        result.Proposals.Select(proposal => (proposal.GuestId, proposal.HostId)).Should().Equal(("guest-1", "host-b"), ("guest-2", "host-a"));
        result.Unmatched.Should().BeEmpty();
        ReferenceRanking.Rank(first, [hostA, hostB], today, 1, Options).Best.Single().HostId.Should().Be("host-a",
            "first come, the first household would have taken the only host the family can have");
    }

    [Fact]
    public void The_random_rounds_contest_hosts_so_the_properties_are_not_vacuous()
    {
        var rounds = Gen.Sample(Populations.Round(), 200);
        var contested = rounds.Count(round =>
        {
            var index = HostIndex.Build(round.Hosts, Populations.Today, Options);
            var firstChoices = round.Guests.Select(guest => index.Ranked(guest).Select(best => best.Host.HostId).FirstOrDefault()).Where(id => id is not null).ToList();
            return firstChoices.Count != firstChoices.Distinct().Count();
        });

        contested.Should().BeGreaterThan(50, "many rounds should have households whose first choice is the same host");
    }

    private static HostOffer Host(string id, int capacity, bool acceptsChildren) => new(
        id, "Utrecht", "Utrecht", capacity, acceptsChildren, true, new HashSet<PetKind>(), false, Populations.Today.AddDays(-1), null,
        Enum.GetValues<HouseholdKind>().ToHashSet(), new HashSet<string> { "uk" }, Accommodation.PrivateRoom, false, false, new HashSet<string>());

    private static GuestHousehold Guest(string id, int minors) => new(
        id, 2, minors, false, true, minors > 0 ? HouseholdKind.Family : HouseholdKind.Adults, new HashSet<PetKind>(), false,
        new HashSet<string> { "uk" }, "Utrecht", "Utrecht", Populations.Today.AddDays(-10), Accommodation.PrivateRoom, false, false, new HashSet<string>());
}
