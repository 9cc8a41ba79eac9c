using AwesomeAssertions;
using RefugeeHome.Approvals;
using RefugeeHome.Cases;

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
        var round = await harness.NextRoundAsync();

        caseworker.Html.Should().Contain("Nidos").And.Contain(CaseNumbers.Of(guestId)).And.Contain("1 volwassene, 1 minderjarige", "one of each takes the singular");
        round.Html.Should().Contain("Vandaag zijn er voorstellen voor 0 huishoudens").And.NotContain(guestId, "no proposal is ever made for this household");
        (await harness.Guests.FindAsync(guestId, CancellationToken.None))!.Status.Should().Be("Guardianship");
    }

    [Fact]
    public async Task A_family_registered_in_Dutch_gets_its_emails_in_its_own_language_and_the_caseworker_gets_the_case_number()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var guestId = await harness.RegisterGuestAsync(Households.Family("uk"));
        var withoutEmail = await harness.RegisterGuestAsync(Households.Family("ru") with { ContactEmail = null });

        var family = await harness.EmailAsync("olena@example.org", "Ваша реєстрація");
        var confirmation = await harness.EmailAsync("consulent@utrecht.example", $"Aanmelding ontvangen: huishouden {CaseNumbers.Of(guestId)}");
        var confirmationWithoutEmail = await harness.EmailAsync("consulent@utrecht.example", $"Aanmelding ontvangen: huishouden {CaseNumbers.Of(withoutEmail)}");
        await harness.StageAsync(withoutEmail, "Waiting");

        family.Html.Should().Contain("Шановні гості");
        confirmation.Html.Should().Contain(CaseNumbers.Of(guestId)).And.Contain("in het Oekraïens, op olena@example.org");
        confirmationWithoutEmail.Html.Should().Contain("geen eigen e-mailadres");
        harness.Sent.Where(email => email.To == "consulent@utrecht.example").Should().HaveCount(2, "the caseworker gets the confirmations, never the family's own emails");
    }

    [Fact]
    public async Task A_declined_introduction_returns_both_to_matching_and_they_are_not_proposed_to_each_other_again()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var hostId = await harness.AvailableHostAsync(Households.Host());
        var guestId = await harness.RegisterGuestAsync(Households.Family());
        await harness.StageAsync(guestId, "Waiting");
        var proposals = await harness.NextRoundAsync();
        (await harness.AnswerAsync(proposals, hostId)).Outcome.Should().Be(RedeemOutcome.Recorded);
        var schedule = await harness.EmailAsync(WorkflowHarness.Connector, "Kennismaking plannen");
        (await harness.AnswerAsync(schedule, "scheduled", new() { ["date"] = PlacementTests.Day(WorkflowHarness.Today), ["interpreter"] = "uk" })).Outcome.Should().Be(RedeemOutcome.Recorded);
        var outcome = await harness.EmailAsync(WorkflowHarness.Connector, "Uitkomst kennismaking");
        var withoutReason = await harness.AnswerAsync(outcome, "guest-declined");
        (await harness.AnswerAsync(outcome, "guest-declined", new() { ["reason"] = "practical" })).Outcome.Should().Be(RedeemOutcome.Recorded);

        await harness.StageAsync(hostId, "Available");
        await harness.StageAsync(guestId, "Waiting");

        // The matcher's approval arrives again (a second click, a request sent again) after the household started over.
        var approvedAgain = await harness.AnswerAsync(proposals, hostId);
        await WorkflowHarness.WaitDaysAsync(2);
        var nextRound = await harness.NextRoundAsync();

        approvedAgain.Outcome.Should().Be(RedeemOutcome.AlreadyRecorded);
        harness.Sent.Count(email => email.Subject.StartsWith("Kennismaking plannen", StringComparison.Ordinal)).Should().Be(1, "an answer taken once is not taken again after the workflow continued as new");
        (await harness.Client.GetInstanceAsync(guestId, true))!.ReadCustomStatusAs<WorkflowStatus>()!.Stage.Should().Be("Waiting");
        withoutReason.Outcome.Should().Be(RedeemOutcome.InvalidValues);
        withoutReason.Problems.Should().ContainSingle().Which.Field.Name.Should().Be("reason");
        proposals.Html.Should().Contain("Utrecht").And.NotContain("Oudegracht", "the matcher sees no address");
        (await harness.EmailAsync("anke@example.org", "gaat niet door")).Html.Should().Contain("de gasten").And.Contain("Praktische redenen");
        harness.Sent.Where(email => email.To == "anke@example.org" && email.Subject.StartsWith("U bent beschikbaar", StringComparison.Ordinal))
            .Should().ContainSingle("the host heard of being open to matching again in the email about the introduction");
        (await harness.EmailAsync("olena@example.org", "Поєднання не відбудеться")).Html.Should().Contain("гості");
        (await harness.Pool.OffersAsync(CancellationToken.None)).Select(offer => offer.HostId).Should().Equal(hostId);
        nextRound.Tokens.Should().BeEmpty("the only host declined this household, so nothing is proposed");
        nextRound.Html.Should().Contain($"{CaseNumbers.Of(guestId)} (Utrecht), 0 dagen wachtend, 0 passende gastgezinnen. Uitgesloten: eerder afgewezen of samen geplaatst: 1");
    }

    [Fact]
    public async Task A_round_proposes_a_host_to_one_household_only()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var hostId = await harness.AvailableHostAsync(Households.Host());
        var first = await harness.RegisterGuestAsync(Households.Family());
        var second = await harness.RegisterGuestAsync(Households.Family("ru") with { ContactEmail = "ivan@example.org" });
        await harness.StageAsync(first, "Waiting");
        await harness.StageAsync(second, "Waiting");

        var round = await harness.NextRoundAsync();

        round.Tokens.Should().ContainSingle("one host, two households: the host is proposed once");
        round.Html.Should().Contain("Vandaag zijn er voorstellen voor 1 huishouden;").And.Contain($"Gastgezin {CaseNumbers.Of(hostId)}: Utrecht");
        var proposedFor = (await harness.Links.FindAsync(round.Tokens[0], CancellationToken.None)).InstanceId;
        new[] { first, second }.Should().Contain(proposedFor);
    }

    [Fact]
    public async Task Approving_two_proposals_for_one_household_at_once_records_one_and_refuses_the_other()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var hosts = new[] { await harness.AvailableHostAsync(Households.Host()), await harness.AvailableHostAsync(Households.Host("bert@example.org", "1011 AA", "06 87654321")) };
        var guestId = await harness.RegisterGuestAsync(Households.Family());
        await harness.StageAsync(guestId, "Waiting");
        var round = await harness.NextRoundAsync();
        round.Tokens.Should().HaveCount(2, "the household's assigned host and one alternative");
        var proposed = await Task.WhenAll(round.Tokens.Select(async token => (await harness.Links.FindAsync(token, CancellationToken.None)).Choices.Single().Value));
        proposed.Should().BeEquivalentTo(hosts);

        var approvals = await Task.WhenAll(harness.AnswerAsync(round, proposed[0], link: 0), harness.AnswerAsync(round, proposed[1], link: 1));

        approvals.Select(approval => approval.Outcome).Should().BeEquivalentTo([RedeemOutcome.Recorded, RedeemOutcome.Refused]);
        approvals.Single(approval => approval.Outcome == RedeemOutcome.Refused).Reason.Should().Contain("Voor dit huishouden is zojuist een ander voorstel goedgekeurd");
        await harness.EmailAsync(WorkflowHarness.Connector, "Kennismaking plannen");
        var refused = round.Tokens[approvals[0].Outcome == RedeemOutcome.Refused ? 0 : 1];
        (await harness.Links.FindAsync(refused, CancellationToken.None)).State.Should().Be(ApprovalState.Closed, "the household is matched, so its other proposals are closed");
        harness.Sent.Count(email => email.Subject.StartsWith("Kennismaking plannen", StringComparison.Ordinal)).Should().Be(1);
        (await harness.Pool.OffersAsync(CancellationToken.None)).Should().ContainSingle("the host not chosen stays available");
    }

    [Fact]
    public async Task Every_morning_the_matcher_sees_regional_shortages_why_nothing_fits_and_the_proposals_explained_in_Dutch()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var hostId = await harness.AvailableHostAsync(Households.Host());
        var withDog = await harness.RegisterGuestAsync(Households.Family() with { Pets = [RefugeeHome.Matching.PetKind.Dog], ContactEmail = "dog@example.org" });
        var inGroningen = await harness.RegisterGuestAsync(Households.Family() with { PreferredMunicipality = "Groningen", ContactEmail = "gr@example.org" });
        await harness.StageAsync(withDog, "Waiting");
        await harness.StageAsync(inGroningen, "Waiting");

        var overview = await harness.NextRoundAsync();

        overview.Html.Should().Contain("2 huishoudens wachten, 1 gastgezin is beschikbaar. Vandaag zijn er voorstellen voor 1 huishouden;");
        overview.Html.Should().Contain("<td>Groningen</td><td>1</td><td>0</td><td>tekort</td>");
        overview.Html.Should().Contain("<td>Utrecht</td><td>1</td><td>1</td><td></td>");
        overview.Html.Should().Contain($"{CaseNumbers.Of(withDog)} (Utrecht), 0 dagen wachtend, 0 passende gastgezinnen. Uitgesloten: huisdier niet welkom: 1");
        overview.Html.Should().NotContain(CaseNumbers.Of(withDog) + "</h3>", "nothing fits the household with a dog, so nothing is proposed");
        overview.Html.Should().Contain($"<h3>{CaseNumbers.Of(inGroningen)}</h3><p>Groningen, wens: Groningen, 2 volwassenen, 1 minderjarige, 0 dagen wachtend</p>");
        overview.Html.Should().Contain($"Gastgezin {CaseNumbers.Of(hostId)}: Utrecht, plaats voor 4, talen: Engels, Nederlands")
            .And.Contain("Taal: +30 / 30 — gedeelde taal: Engels")
            .And.Contain("Plaats: +0 / 25 — Utrecht, 163 km van de gewenste gemeente Groningen: te ver")
            .And.Contain("Woonruimte: +10 / 10 — eigen kamer, zoals gewenst");
        overview.Html.Should().NotContain("Oudegracht").And.NotContain("olena");
    }
}
