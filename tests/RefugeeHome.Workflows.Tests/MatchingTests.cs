using AwesomeAssertions;
using RefugeeHome.Approvals;

namespace RefugeeHome.Workflows.Tests;

public sealed class MatchingTests
{
    [Fact]
    public async Task An_unaccompanied_minor_is_never_put_into_matching_and_the_municipality_is_told()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        await harness.AvailableHostAsync(Households.Host());
        var guestId = await harness.RegisterGuestAsync(Households.UnaccompaniedMinor());

        await harness.StageAsync(guestId, "Guardianship");
        var caseworker = await harness.EmailAsync("consulent@utrecht.example", "Voogdij nodig");
        await harness.EmailAsync(WorkflowHarness.Supervisor, "Gemarkeerd voor voogdij");
        await harness.AdvanceAsync(TimeSpan.FromDays(5));

        caseworker.Html.Should().Contain("Nidos").And.Contain(guestId);
        harness.Sent.Should().NotContain(email => email.To == WorkflowHarness.Matcher, "no proposal is ever made for this household");
        (await harness.Guests.FindAsync(guestId, CancellationToken.None))!.Status.Should().Be("Guardianship");
    }

    [Fact]
    public async Task A_declined_introduction_returns_both_to_matching_and_they_are_not_proposed_to_each_other_again()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var hostId = await harness.AvailableHostAsync(Households.Host());
        var guestId = await harness.RegisterGuestAsync(Households.Family());
        var proposals = await harness.EmailAsync(WorkflowHarness.Matcher, "Koppelvoorstellen");
        (await harness.AnswerAsync(proposals, hostId)).Outcome.Should().Be(RedeemOutcome.Recorded);
        var schedule = await harness.EmailAsync(WorkflowHarness.Connector, "Kennismaking plannen");
        (await harness.AnswerAsync(schedule, "scheduled", new() { ["date"] = "2026-11-25", ["interpreter"] = "uk" })).Outcome.Should().Be(RedeemOutcome.Recorded);
        var outcome = await harness.EmailAsync(WorkflowHarness.Connector, "Uitkomst kennismaking");
        var withoutReason = await harness.AnswerAsync(outcome, "guest-declined");
        (await harness.AnswerAsync(outcome, "guest-declined", new() { ["reason"] = "practical" })).Outcome.Should().Be(RedeemOutcome.Recorded);

        await harness.StageAsync(hostId, "Available");
        await harness.StageAsync(guestId, "Waiting");
        await harness.AdvanceAsync(TimeSpan.FromDays(4));

        withoutReason.Outcome.Should().Be(RedeemOutcome.InvalidValues);
        withoutReason.Problems.Should().ContainSingle().Which.Field.Name.Should().Be("reason");
        proposals.Html.Should().Contain("Utrecht").And.NotContain("Oudegracht", "the matcher sees no address");
        (await harness.EmailAsync("anke@example.org", "gaat niet door")).Html.Should().Contain("de gasten").And.Contain("Praktische redenen");
        (await harness.EmailAsync("olena@example.org", "Поєднання не відбудеться")).Html.Should().Contain("гості");
        (await harness.Pool.OffersAsync(CancellationToken.None)).Select(offer => offer.HostId).Should().Equal(hostId);
        harness.Sent.Count(email => email.To == WorkflowHarness.Matcher).Should().Be(1, "the only host declined this household, so nothing else is proposed");
    }

    [Fact]
    public async Task A_second_approval_of_the_same_host_is_refused_on_the_page_and_its_link_stays_open()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var hostId = await harness.AvailableHostAsync(Households.Host());
        await harness.RegisterGuestAsync(Households.Family());
        var first = await harness.EmailAsync(WorkflowHarness.Matcher, "Koppelvoorstellen");
        await harness.RegisterGuestAsync(Households.Family("ru") with { ContactEmail = "ivan@example.org" });
        var second = await harness.EmailAsync(WorkflowHarness.Matcher, "Koppelvoorstellen", count: 2);

        var approvals = await Task.WhenAll(harness.AnswerAsync(first, hostId), harness.AnswerAsync(second, hostId));

        approvals.Select(approval => approval.Outcome).Should().BeEquivalentTo([RedeemOutcome.Recorded, RedeemOutcome.Refused]);
        approvals.Single(approval => approval.Outcome == RedeemOutcome.Refused).Reason.Should().Contain("zojuist aan een ander huishouden gekoppeld");
        var refusedEmail = approvals[0].Outcome == RedeemOutcome.Refused ? first : second;
        (await harness.Links.FindAsync(refusedEmail.Tokens[0], CancellationToken.None)).State.Should().Be(ApprovalState.Open);
        await harness.EmailAsync(WorkflowHarness.Connector, "Kennismaking plannen");
        harness.Sent.Count(email => email.Subject.StartsWith("Kennismaking plannen", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task Every_morning_the_matcher_sees_regional_shortages_and_why_nothing_fits_a_household()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        await harness.AvailableHostAsync(Households.Host());
        var withDog = await harness.RegisterGuestAsync(Households.Family() with { Pets = [RefugeeHome.Matching.PetKind.Dog], ContactEmail = "dog@example.org" });
        var inGroningen = await harness.RegisterGuestAsync(Households.Family() with { PreferredMunicipality = "Groningen", ContactEmail = "gr@example.org" });
        await harness.StageAsync(withDog, "Waiting");
        await harness.StageAsync(inGroningen, "Waiting");
        await WorkflowRegistration.StartStandingAsync(harness.Client, CancellationToken.None);
        await harness.StageAsync("matching-daily", "Overview");

        await harness.AdvanceAsync(TimeSpan.FromDays(1));
        var overview = await harness.EmailAsync(WorkflowHarness.Matcher, "Matching-overzicht");

        overview.Html.Should().Contain("2 huishoudens wachten, 1 gastgezinnen zijn beschikbaar");
        overview.Html.Should().Contain("<td>Groningen</td><td>1</td><td>0</td><td>tekort</td>");
        overview.Html.Should().Contain("<td>Utrecht</td><td>1</td><td>1</td><td></td>");
        overview.Html.Should().Contain($"{withDog} (Utrecht), 1 dagen wachtend, 0 passende gastgezinnen. Uitgesloten: huisdier niet welkom: 1");
        overview.Html.Should().NotContain(inGroningen + " (", "a household hosts fit, waiting one day, is not listed");
        overview.Html.Should().NotContain("Oudegracht").And.NotContain("olena");
    }
}
