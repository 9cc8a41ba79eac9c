using AwesomeAssertions;
using Microsoft.Extensions.DependencyInjection;
using RefugeeHome.Approvals;
using RefugeeHome.Cases;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Workflows.Tests;

public sealed class PlacementTests
{
    [Fact]
    public async Task A_late_visit_report_is_reminded_then_escalated_an_urgent_one_escalates_at_once_and_a_contribution_above_the_housing_component_is_refused()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var (placementId, _, agreedAt) = await MovedInAsync(harness);
        var visit = await harness.EmailAsync(WorkflowHarness.Supporter, "Bezoek in de eerste week");
        var contribution = await harness.EmailAsync("anke@example.org", "Vrijwillige bijdrage");

        var reminder = await harness.EmailAsync(WorkflowHarness.Supporter, "Herinnering: Bezoek");
        var escalation = await harness.EmailAsync(WorkflowHarness.Supervisor, "Escalatie");
        var tooMuch = await harness.AnswerAsync(contribution, "record", new() { ["amount"] = "500" });
        var allowed = await harness.AnswerAsync(contribution, "record", new() { ["amount"] = "250" });
        var urgentReports = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => harness.AnswerAsync(visit, "urgent", note: "Paspoort ingenomen door gastheer")));
        var urgent = await harness.EmailAsync(WorkflowHarness.Supervisor, "URGENT");
        await WorkflowHarness.WaitDaysAsync(2);

        harness.Sent.Count(email => email.To == WorkflowHarness.Supporter && email.At < reminder.At).Should().Be(1);
        (reminder.At - agreedAt).Should().BeGreaterThanOrEqualTo(WorkflowHarness.Day * 4, "the report is due four days after move-in");
        (escalation.At - agreedAt).Should().BeGreaterThanOrEqualTo(WorkflowHarness.Day * 7, "and escalates three days later");
        visit.Html.Should().Contain("Oudegracht 12", "the supporter needs the address to visit");
        reminder.Tokens.Should().Equal(visit.Tokens);
        escalation.Html.Should().Contain(CaseNumbers.Of(placementId));
        contribution.Html.Should().Contain("485", "two adults and a child: 2 × 215 + 55");
        tooMuch.Outcome.Should().Be(RedeemOutcome.InvalidValues);
        tooMuch.Problems.Should().ContainSingle().Which.Kind.Should().Be(FieldProblemKind.AboveMaximum);
        allowed.Outcome.Should().Be(RedeemOutcome.Recorded);
        (await harness.EmailAsync("olena@example.org", "Внесок записано")).Html.Should().Contain("250");
        urgent.Html.Should().Contain("Paspoort ingenomen door gastheer");
        urgentReports.Select(report => report.Outcome).Should().BeEquivalentTo([RedeemOutcome.Recorded, RedeemOutcome.AlreadyRecorded, RedeemOutcome.AlreadyRecorded]);
        harness.Sent.Count(email => email.Subject.Contains("URGENT", StringComparison.Ordinal)).Should().Be(1, "a report clicked three times reaches the workflow three times and is taken once");
    }

    [Fact]
    public async Task The_outcome_of_an_introduction_is_asked_from_its_day_so_nobody_agrees_to_a_move_in_before_they_met()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var (hostId, guestId, schedule) = await MatchedAsync(harness);
        var scheduledAt = DateTimeOffset.UtcNow;
        (await harness.AnswerAsync(schedule, "scheduled", new() { ["date"] = Day(WorkflowHarness.Today.AddDays(3)) })).Outcome.Should().Be(RedeemOutcome.Recorded);
        var placementId = (await harness.StageAsync(guestId, "Placement")).PlacementId!;
        var beforeTheDay = await harness.StageAsync(placementId, "IntroductionScheduled");
        await harness.StageAsync(hostId, "Matched");
        var countsBeforeMoveIn = (await harness.Statistics.ReadAsync(WorkflowHarness.Today, CancellationToken.None)).Single().Counts;

        var outcome = await harness.EmailAsync(WorkflowHarness.Connector, "Uitkomst kennismaking");

        beforeTheDay.WaitingFor.Should().BeNull("nobody is asked anything until the introduction");
        countsBeforeMoveIn.Should().Contain(new KeyValuePair<string, int>("hostsMatched", 1)).And.Contain(new KeyValuePair<string, int>("guestsMatched", 1))
            .And.Contain(new KeyValuePair<string, int>("hostsHosting", 0)).And.Contain(new KeyValuePair<string, int>("guestsWaiting", 0), "host and guests are counted alike until they move in");
        (outcome.At - scheduledAt).Should().BeGreaterThanOrEqualTo(WorkflowHarness.Day * 2, "the introduction is three calendar days ahead, its day starts at least two later");
        (await harness.AnswerAsync(outcome, "agreed", new() { ["moveIn"] = Day(WorkflowHarness.Today.AddDays(4)) })).Outcome.Should().Be(RedeemOutcome.Recorded);
    }

    [Fact]
    public async Task A_placement_started_again_by_a_step_carried_out_twice_goes_on_where_it_stood_and_its_end_reaches_the_guest_household()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var (hostId, guestId, schedule) = await MatchedAsync(harness);
        var placementId = (await harness.StageAsync(guestId, "Placement")).PlacementId!;
        var started = await harness.Client.GetInstanceAsync(placementId);

        // What the engine does when it carries out the guest household's step again after a crash: the start once more.
        var startedAgain = await harness.Client.BeginPlacementAsync(new PlacementCase(placementId, hostId, guestId), CancellationToken.None);
        (await harness.AnswerAsync(schedule, "scheduled", new() { ["date"] = Day(WorkflowHarness.Today) })).Outcome.Should().Be(RedeemOutcome.Recorded);
        var outcome = await harness.EmailAsync(WorkflowHarness.Connector, "Uitkomst kennismaking");
        (await harness.AnswerAsync(outcome, "guest-declined", new() { ["reason"] = "practical" })).Outcome.Should().Be(RedeemOutcome.Recorded);
        await harness.StageAsync(placementId, "Declined");
        var backInMatching = await harness.StageAsync(guestId, "Waiting");

        startedAgain.Should().BeFalse("a placement's workflow is started once for its id");
        (await harness.Client.GetInstanceAsync(placementId))!.CreatedAt.Should().Be(started!.CreatedAt, "the placement went on where it stood instead of starting over");
        backInMatching.PlacementId.Should().BeNull("the guest household learned that its introduction was declined and waits for a match again");
        harness.Sent.Count(email => email.Subject.StartsWith("Kennismaking plannen", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task A_visit_reported_on_time_is_neither_reminded_nor_escalated()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var (placementId, _, _) = await MovedInAsync(harness);
        (await harness.AnswerAsync(await harness.EmailAsync(WorkflowHarness.Supporter, "Bezoek in de eerste week"), "ok")).Outcome.Should().Be(RedeemOutcome.Recorded);

        await WorkflowHarness.WaitDaysAsync(8);
        var status = await harness.StageAsync(placementId, "Hosting");
        var counts = (await harness.Statistics.ReadAsync(WorkflowHarness.Today, CancellationToken.None)).Single().Counts;

        harness.Sent.Should().NotContain(email => email.Subject.Contains("bezoek", StringComparison.OrdinalIgnoreCase) && email.To != WorkflowHarness.Supporter);
        harness.Sent.Count(email => email.To == WorkflowHarness.Supporter).Should().Be(1);
        status.WaitingFor.Should().NotBe("supporter");
        counts.Should().Contain(new KeyValuePair<string, int>("hostsHosting", 1)).And.Contain(new KeyValuePair<string, int>("guestsPlaced", 1))
            .And.Contain(new KeyValuePair<string, int>("placementsStarted", 1)).And.Contain(new KeyValuePair<string, int>("hostsAvailable", 0));
    }

    [Fact]
    public async Task After_move_in_host_guests_and_connector_each_hold_a_working_link_to_end_the_placement()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var (placementId, _, _) = await MovedInAsync(harness);
        var links = new[]
        {
            (await harness.EmailAsync("anke@example.org", "Uw gasten zijn bij u ingetrokken")).Tokens[0],
            (await harness.EmailAsync("olena@example.org", "BRP")).Tokens[0],
            (await harness.EmailAsync(WorkflowHarness.Connector, "is begonnen")).Tokens[0],
        };
        var askedDuringTheStay = new[]
        {
            (await harness.EmailAsync(WorkflowHarness.Supporter, "Bezoek in de eerste week")).Tokens[0],
            (await harness.EmailAsync("anke@example.org", "Vrijwillige bijdrage")).Tokens[0],
        };
        var before = await Task.WhenAll(links.Select(token => harness.Links.FindAsync(token, CancellationToken.None)));

        var ended = await harness.Links.RedeemAsync(links[0], new ApprovalSubmission("end-now", "Incident in huis", new Dictionary<string, string> { ["reason"] = "incident" }), harness.Events, CancellationToken.None);
        await harness.StageAsync(placementId, "Departure");
        var after = await Task.WhenAll(links.Select(token => harness.Links.FindAsync(token, CancellationToken.None)));

        before.Select(link => link.State).Should().AllBeEquivalentTo(ApprovalState.Open, "each party's link works until the placement ends");
        links.Should().OnlyHaveUniqueItems("each party has a link of its own");
        ended.Outcome.Should().Be(RedeemOutcome.Recorded, "the host can end the placement with the host's own link");
        (await harness.EmailAsync("olena@example.org", "Розміщення завершується")).Html.Should().NotContain("Incident in huis", "the host's note stays with the link");
        after.Skip(1).Select(link => link.State).Should().AllBeEquivalentTo(ApprovalState.Closed, "once the placement ends, the other links say so");
        (await Task.WhenAll(askedDuringTheStay.Select(token => harness.Links.FindAsync(token, CancellationToken.None)))).Select(link => link.State)
            .Should().AllBeEquivalentTo(ApprovalState.Closed, "a visit report or a contribution for a stay that has ended is not taken");
    }

    [Fact]
    public async Task Households_that_were_placed_together_are_not_proposed_to_each_other_again()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var (placementId, hostId, _) = await MovedInAsync(harness);
        var guestId = (await harness.Client.GetInstanceAsync(placementId, getInputsAndOutputs: true))!.ReadInputAs<PlacementCase>()!.GuestId;
        var ending = (await harness.EmailAsync("anke@example.org", "Uw gasten zijn bij u ingetrokken")).Tokens[0];
        await harness.Links.RedeemAsync(ending, new ApprovalSubmission("end-now", null, new Dictionary<string, string> { ["reason"] = "mismatch" }), harness.Events, CancellationToken.None);
        (await harness.AnswerAsync(await harness.EmailAsync(WorkflowHarness.Connector, "Vertrek vastleggen"), "another-host")).Outcome.Should().Be(RedeemOutcome.Recorded);
        (await harness.AnswerAsync(await harness.EmailAsync("anke@example.org", "hoe wilt u verder"), "available")).Outcome.Should().Be(RedeemOutcome.Recorded);
        await harness.StageAsync(hostId, "Available");
        await harness.StageAsync(guestId, "Waiting");

        var view = await harness.Services.GetRequiredService<HouseholdMatching>().ViewAsync(guestId, "nl", 10, CancellationToken.None);
        var round = await harness.NextRoundAsync();

        view!.Ranked.Should().BeEmpty("the only host is the one the family just left");
        view.Excluded.Single().Should().Match<ExcludedHosts>(rule => rule.Rule == RefugeeHome.Matching.Exclusion.DeclinedBefore && rule.HostIds.Single() == hostId);
        round.Html.Should().NotContain($"<h3>{CaseNumbers.Of(guestId)}</h3>");
    }

    /// <summary>
    /// Matches a family with an available host, agrees an introduction today and moves them in tomorrow. Returns when
    /// the move-in was agreed: the move-in, and every wait counted from it, is no earlier.
    /// </summary>
    internal static async Task<(string PlacementId, string HostId, DateTimeOffset AgreedAt)> MovedInAsync(WorkflowHarness harness)
    {
        var (hostId, guestId, schedule) = await MatchedAsync(harness);
        (await harness.AnswerAsync(schedule, "scheduled", new() { ["date"] = Day(WorkflowHarness.Today) })).Outcome.Should().Be(RedeemOutcome.Recorded);
        var outcome = await harness.EmailAsync(WorkflowHarness.Connector, "Uitkomst kennismaking");
        var agreedAt = DateTimeOffset.UtcNow;
        (await harness.AnswerAsync(outcome, "agreed", new() { ["moveIn"] = Day(WorkflowHarness.Today.AddDays(1)) })).Outcome.Should().Be(RedeemOutcome.Recorded);
        var status = await harness.StageAsync(guestId, "Placement");
        await harness.StageAsync(status.PlacementId!, "MoveInAgreed");
        await harness.StageAsync(status.PlacementId!, "Hosting");
        return (status.PlacementId!, hostId, agreedAt);
    }

    /// <summary>Matches a family with an available host through a round; returns both and the connector's request to plan the introduction.</summary>
    private static async Task<(string HostId, string GuestId, SentEmail Schedule)> MatchedAsync(WorkflowHarness harness)
    {
        var hostId = await harness.AvailableHostAsync(Households.Host());
        var guestId = await harness.RegisterGuestAsync(Households.Family());
        await harness.StageAsync(guestId, "Waiting");
        (await harness.AnswerAsync(await harness.NextRoundAsync(), hostId)).Outcome.Should().Be(RedeemOutcome.Recorded);
        return (hostId, guestId, await harness.EmailAsync(WorkflowHarness.Connector, "Kennismaking plannen"));
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
