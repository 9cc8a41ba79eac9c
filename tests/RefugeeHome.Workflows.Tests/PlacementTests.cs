using AwesomeAssertions;
using RefugeeHome.Approvals;

namespace RefugeeHome.Workflows.Tests;

public sealed class PlacementTests
{
    [Fact]
    public async Task A_late_visit_report_is_reminded_then_escalated_an_urgent_one_escalates_at_once_and_a_contribution_above_the_housing_component_is_refused()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var (placementId, _) = await MovedInAsync(harness);
        var visit = await harness.EmailAsync(WorkflowHarness.Supporter, "Bezoek in de eerste week");
        var contribution = await harness.EmailAsync("anke@example.org", "Vrijwillige bijdrage");

        await harness.AdvanceAsync(TimeSpan.FromDays(6));
        var beforeDue = harness.Sent.Count(email => email.To == WorkflowHarness.Supporter);
        await harness.AdvanceAsync(TimeSpan.FromDays(1));
        var reminder = await harness.EmailAsync(WorkflowHarness.Supporter, "Herinnering: Bezoek");
        await harness.AdvanceAsync(TimeSpan.FromDays(3));
        var escalation = await harness.EmailAsync(WorkflowHarness.Supervisor, "Escalatie");
        var tooMuch = await harness.AnswerAsync(contribution, "record", new() { ["amount"] = "500" });
        var allowed = await harness.AnswerAsync(contribution, "record", new() { ["amount"] = "250" });
        (await harness.AnswerAsync(visit, "urgent", note: "Paspoort ingenomen door gastheer")).Outcome.Should().Be(RedeemOutcome.Recorded);
        var urgent = await harness.EmailAsync(WorkflowHarness.Supervisor, "URGENT");

        beforeDue.Should().Be(1);
        visit.Html.Should().Contain("Oudegracht 12", "the supporter needs the address to visit");
        reminder.Tokens.Should().Equal(visit.Tokens);
        escalation.Html.Should().Contain(placementId);
        contribution.Html.Should().Contain("485", "two adults and a child: 2 × 215 + 55");
        tooMuch.Outcome.Should().Be(RedeemOutcome.InvalidValues);
        tooMuch.Problems.Should().ContainSingle().Which.Kind.Should().Be(FieldProblemKind.AboveMaximum);
        allowed.Outcome.Should().Be(RedeemOutcome.Recorded);
        (await harness.EmailAsync("olena@example.org", "Внесок записано")).Html.Should().Contain("250");
        urgent.Html.Should().Contain("Paspoort ingenomen door gastheer");
    }

    [Fact]
    public async Task A_visit_reported_on_time_is_neither_reminded_nor_escalated()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var (placementId, _) = await MovedInAsync(harness);
        (await harness.AnswerAsync(await harness.EmailAsync(WorkflowHarness.Supporter, "Bezoek in de eerste week"), "ok")).Outcome.Should().Be(RedeemOutcome.Recorded);

        await harness.AdvanceAsync(TimeSpan.FromDays(12));
        var status = await harness.StageAsync(placementId, "Hosting");
        var counts = (await harness.Statistics.ReadAsync(new DateOnly(2026, 11, 30), CancellationToken.None)).Single().Counts;

        harness.Sent.Should().NotContain(email => email.Subject.Contains("bezoek", StringComparison.OrdinalIgnoreCase) && email.To != WorkflowHarness.Supporter);
        harness.Sent.Count(email => email.To == WorkflowHarness.Supporter).Should().Be(1);
        status.WaitingFor.Should().BeNull();
        counts.Should().Contain(new KeyValuePair<string, int>("hostsHosting", 1)).And.Contain(new KeyValuePair<string, int>("guestsPlaced", 1))
            .And.Contain(new KeyValuePair<string, int>("placementsStarted", 1)).And.Contain(new KeyValuePair<string, int>("hostsAvailable", 0));
    }

    /// <summary>Matches a family with an available host, agrees an introduction and moves them in on 2026-11-30.</summary>
    internal static async Task<(string PlacementId, string HostId)> MovedInAsync(WorkflowHarness harness)
    {
        var hostId = await harness.AvailableHostAsync(Households.Host());
        var guestId = await harness.RegisterGuestAsync(Households.Family());
        await harness.StageAsync(guestId, "Waiting");
        (await harness.AnswerAsync(await harness.NextRoundAsync(), hostId)).Outcome.Should().Be(RedeemOutcome.Recorded);
        (await harness.AnswerAsync(await harness.EmailAsync(WorkflowHarness.Connector, "Kennismaking plannen"), "scheduled", new() { ["date"] = "2026-11-25" }))
            .Outcome.Should().Be(RedeemOutcome.Recorded);
        (await harness.AnswerAsync(await harness.EmailAsync(WorkflowHarness.Connector, "Uitkomst kennismaking"), "agreed", new() { ["moveIn"] = "2026-11-30" }))
            .Outcome.Should().Be(RedeemOutcome.Recorded);
        var status = await harness.StageAsync(guestId, "Placement");
        await harness.StageAsync(status.PlacementId!, "MoveInAgreed");
        await harness.AdvanceAsync(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero) - harness.Clock.GetUtcNow());
        await harness.StageAsync(status.PlacementId!, "Hosting");
        return (status.PlacementId!, hostId);
    }
}
