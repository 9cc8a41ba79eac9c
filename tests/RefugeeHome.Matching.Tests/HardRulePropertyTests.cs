using AwesomeAssertions;
using FsCheck;
using FsCheck.Fluent;

namespace RefugeeHome.Matching.Tests;

public sealed class HardRulePropertyTests
{
    private static readonly MatchingOptions Options = new();
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(500);

    [Fact]
    public void No_proposal_ever_breaks_a_hard_rule() =>
        Check.One(Quick, Prop.ForAll(Populations.Scenario().ToArbitrary(), scenario =>
        {
            var (guest, hosts) = scenario;
            var byId = hosts.ToDictionary(host => host.HostId);
            return Ranking.Rank(guest, hosts, Populations.Today, 10, Options).Proposals
                .All(proposal => Allowed(guest, byId[proposal.HostId]));
        }));

    [Fact]
    public void Every_allowed_host_is_either_proposed_or_outranked_and_every_other_host_is_counted_as_excluded() =>
        Check.One(Quick, Prop.ForAll(Populations.Scenario().ToArbitrary(), scenario =>
        {
            var (guest, hosts) = scenario;
            var result = Ranking.Rank(guest, hosts, Populations.Today, 5, Options);
            var allowed = hosts.Count(host => Allowed(guest, host));
            return result.Proposals.Count == Math.Min(5, allowed)
                && result.Excluded.Values.Sum() == hosts.Count - allowed;
        }));

    [Fact]
    public void Proposals_come_best_first_and_each_score_is_the_sum_of_its_explained_factors() =>
        Check.One(Quick, Prop.ForAll(Populations.Scenario().ToArbitrary(), scenario =>
        {
            var proposals = Ranking.Rank(scenario.Guest, scenario.Hosts, Populations.Today, 10, Options).Proposals;
            return proposals.Zip(proposals.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score)
                && proposals.All(proposal => Math.Abs(proposal.Score - proposal.Factors.Sum(factor => factor.Contribution)) < 1e-9)
                && proposals.All(proposal => proposal.Factors.All(factor => factor.Contribution >= 0 && factor.Contribution <= factor.Weight));
        }));

    [Fact]
    public void An_unaccompanied_minor_is_never_matched_whatever_the_hosts() =>
        Check.One(Quick, Prop.ForAll(Populations.Scenario().ToArbitrary(), scenario =>
        {
            var guest = scenario.Guest with { UnaccompaniedMinor = true, EligibilityRecorded = true, Minors = 1 };
            return Ranking.Rank(guest, scenario.Hosts, Populations.Today, 10, Options).Proposals.Count == 0;
        }));

    [Fact]
    public void The_random_populations_produce_proposals_and_exclusions_so_the_properties_are_not_vacuous()
    {
        var scenarios = Gen.Sample(Populations.Scenario(), 300);
        var results = scenarios.Select(scenario => Ranking.Rank(scenario.Guest, scenario.Hosts, Populations.Today, 10, Options)).ToList();

        results.Count(result => result.Proposals.Count > 0).Should().BeGreaterThan(100, "most of 300 random scenarios should have something to propose");
        results.SelectMany(result => result.Excluded.Keys).Distinct().Should().BeEquivalentTo(Enum.GetValues<Exclusion>(),
            "every rule excludes some host somewhere in the samples");
    }

    // The rules restated independently of HardRules, from the list, so the property checks the code rather than itself.
    private static bool Allowed(GuestHousehold guest, HostOffer host) =>
        guest.EligibilityRecorded
        && !guest.UnaccompaniedMinor
        && host.Capacity >= guest.Adults + guest.Minors
        && (guest.Minors == 0 || (host.AcceptsChildren && host.ChildSafetyScreened))
        && guest.Pets.All(host.AcceptedPets.Contains)
        && (!guest.NeedsStepFree || host.StepFree)
        && host.AvailableFrom <= Populations.Today
        && (host.AvailableUntil is null || host.AvailableUntil >= Populations.Today.AddDays(Options.MinimumStayDays))
        && host.AcceptedHouseholds.Contains(guest.Kind)
        && !guest.DeclinedHosts.Contains(host.HostId)
        && !host.DeclinedGuests.Contains(guest.GuestId);
}
