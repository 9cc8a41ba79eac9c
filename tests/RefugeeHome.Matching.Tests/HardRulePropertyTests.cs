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
            return HostIndex.Build(hosts, Populations.Today, Options).Ranked(guest).All(best => Allowed(guest, best.Host));
        }));

    [Fact]
    public void Every_allowed_host_is_ranked_once_and_every_other_host_is_counted_as_excluded() =>
        Check.One(Quick, Prop.ForAll(Populations.Scenario().ToArbitrary(), scenario =>
        {
            var (guest, hosts) = scenario;
            var index = HostIndex.Build(hosts, Populations.Today, Options);
            var ranked = index.Ranked(guest).Select(best => best.Host.HostId).ToList();
            var allowed = hosts.Where(host => Allowed(guest, host)).Select(host => host.HostId).ToList();
            return ranked.Order().SequenceEqual(allowed.Order())
                && index.Excluded(guest).Values.Sum() == hosts.Count - allowed.Count;
        }));

    [Fact]
    public void Hosts_come_best_first_and_each_score_is_the_sum_of_its_explained_factors() =>
        Check.One(Quick, Prop.ForAll(Populations.Scenario().ToArbitrary(), scenario =>
        {
            var ranked = HostIndex.Build(scenario.Hosts, Populations.Today, Options).Ranked(scenario.Guest).Take(10).ToList();
            var explained = ranked.Select(best => (best.Score, Factors: SoftScore.Explain(scenario.Guest, best.Host, Populations.Today, Options))).ToList();
            return ranked.Zip(ranked.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score)
                && explained.All(entry => Math.Abs(entry.Score - entry.Factors.Sum(factor => factor.Contribution)) < 1e-9)
                && explained.All(entry => entry.Factors.All(factor => factor.Contribution >= 0 && factor.Contribution <= factor.Weight));
        }));

    [Fact]
    public void An_unaccompanied_minor_is_never_matched_whatever_the_hosts() =>
        Check.One(Quick, Prop.ForAll(Populations.Scenario().ToArbitrary(), scenario =>
        {
            var guest = scenario.Guest with { UnaccompaniedMinor = true, EligibilityRecorded = true, Minors = 1 };
            return !HostIndex.Build(scenario.Hosts, Populations.Today, Options).Ranked(guest).Any();
        }));

    [Fact]
    public void The_random_populations_produce_proposals_and_exclusions_so_the_properties_are_not_vacuous()
    {
        var scenarios = Gen.Sample(Populations.Scenario(), 300);
        var indexes = scenarios.Select(scenario => (scenario.Guest, Index: HostIndex.Build(scenario.Hosts, Populations.Today, Options))).ToList();

        indexes.Count(entry => entry.Index.Ranked(entry.Guest).Any()).Should().BeGreaterThan(100, "most of 300 random scenarios should have something to propose");
        indexes.SelectMany(entry => entry.Index.Excluded(entry.Guest).Keys).Distinct().Should().BeEquivalentTo(Enum.GetValues<Exclusion>(),
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
