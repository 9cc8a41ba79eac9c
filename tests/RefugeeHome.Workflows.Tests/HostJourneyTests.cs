using AwesomeAssertions;
using Azure.Data.Tables;
using RefugeeHome.Approvals;
using RefugeeHome.Cases;
using RefugeeHome.Registrations;

namespace RefugeeHome.Workflows.Tests;

public sealed class HostJourneyTests
{
    [Fact]
    public async Task Screening_is_reminded_after_three_days_and_escalated_after_seven_and_every_week_after()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var hostId = await harness.RegisterHostAsync(Households.Host());
        await harness.EmailAsync("anke@example.org", "aanmelding");
        var screening = await harness.EmailAsync(WorkflowHarness.Screener, "Screening");
        await harness.StageAsync(hostId, "Screening");

        var reminder = await harness.EmailAsync(WorkflowHarness.Screener, "Herinnering: Screening");
        var escalation = await harness.EmailAsync(WorkflowHarness.Supervisor, "Escalatie");
        var second = await harness.EmailAsync(WorkflowHarness.Supervisor, "Escalatie", count: 2);

        var day = WorkflowHarness.Day;
        harness.Sent.Count(email => email.At < reminder.At).Should().Be(2, "nothing about this host is sent before the third day");
        (reminder.At - screening.At).Should().BeGreaterThanOrEqualTo(3 * day);
        (escalation.At - screening.At).Should().BeGreaterThanOrEqualTo(7 * day);
        // Both escalations are due at fixed times from the wait's start; measured from the screening email, which comes
        // before it, the gap between the two emails' arrival does not carry the noise of when each email's step ran.
        (second.At - screening.At).Should().BeGreaterThanOrEqualTo(14 * day, "the wait escalates again every week");
        reminder.Tokens.Should().Equal(screening.Tokens, "the reminder repeats the same link");
        escalation.Html.Should().Contain(CaseNumbers.Of(hostId)).And.Contain("screening");
        (await harness.Client.GetInstanceAsync(hostId, true))!.ReadCustomStatusAs<WorkflowStatus>()!.WaitingFor.Should().Be("screener");
    }

    [Fact]
    public async Task A_VOG_that_is_not_uploaded_lapses_after_eight_weeks_with_weekly_reminders_and_both_sides_told()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var hostId = await harness.RegisterHostAsync(Households.Host());
        (await harness.AnswerAsync(await harness.EmailAsync(WorkflowHarness.Screener, "Screening"), "suitable", new() { ["childSafety"] = "yes" }))
            .Outcome.Should().Be(RedeemOutcome.Recorded);
        var request = await harness.EmailAsync("anke@example.org", "Upload uw VOG");
        await harness.StageAsync(hostId, "WaitingForVog");

        await harness.StageAsync(hostId, "Lapsed");
        var recordWhileRetained = await harness.Hosts.FindAsync(hostId, CancellationToken.None);
        var linkWhileRetained = await harness.Links.FindAsync(request.Tokens[0], CancellationToken.None);
        var statistics = harness.Tables.GetTableClient("StatisticsCounters");
        var keptWhileRetained = (await statistics.GetEntityIfExistsAsync<TableEntity>("Utrecht", "h|" + hostId)).HasValue;
        var countsWhileRetained = await UtrechtCountsAsync(harness);
        var result = await harness.CompletionAsync(hostId);

        request.Subject.Should().MatchRegex(@"^Upload uw VOG vóór \d{4}-\d{2}-\d{2}$");
        DateOnly.Parse(request.Subject[^10..], System.Globalization.CultureInfo.InvariantCulture).Should().BeOneOf(
            DateOnly.FromDateTime(request.At.UtcDateTime), DateOnly.FromDateTime(request.At.UtcDateTime.AddMinutes(1)));
        harness.Sent.Count(email => email.Subject.StartsWith("Herinnering: Upload uw VOG", StringComparison.Ordinal)).Should().Be(7);
        (await harness.EmailAsync("anke@example.org", "vervallen")).Html.Should().Contain("Beste Anke");
        (await harness.EmailAsync(WorkflowHarness.Screener, "VOG niet ontvangen")).Html.Should().Contain(CaseNumbers.Of(hostId));
        recordWhileRetained!.Status.Should().Be("Lapsed");
        result.ReadOutputAs<string>().Should().Be("Lapsed");
        (await harness.Hosts.FindAsync(hostId, CancellationToken.None)).Should().BeNull("personal data is deleted after the retention period");
        linkWhileRetained.State.Should().Be(ApprovalState.Expired, "the upload link ends with the VOG deadline");
        (await harness.Links.FindAsync(request.Tokens[0], CancellationToken.None)).State.Should().Be(ApprovalState.Unknown, "links and their notes go with the household's data");
        keptWhileRetained.Should().BeTrue();
        (await statistics.GetEntityIfExistsAsync<TableEntity>("Utrecht", "h|" + hostId)).HasValue.Should().BeFalse("the statistics forget the household's id and stage too");
        (await UtrechtCountsAsync(harness)).Should().BeEquivalentTo(countsWhileRetained, "the counts never held the household and stay as they were");
    }

    private static async Task<IReadOnlyDictionary<string, int>> UtrechtCountsAsync(WorkflowHarness harness) =>
        (await harness.Statistics.ReadAsync(new DateOnly(2026, 1, 1), CancellationToken.None)).Single(counts => counts.Municipality == "Utrecht").Counts;

    [Fact]
    public async Task A_host_who_passes_screening_and_VOG_enters_the_matching_pool_and_a_rejected_host_cannot_register_again_unnoticed()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var hostId = await harness.AvailableHostAsync(Households.Host());
        var rejectedId = await harness.RegisterHostAsync(Households.Host(email: "piet@example.org", postcode: "3512 CD", phone: "06 87654321"));
        (await harness.AnswerAsync(await harness.EmailAsync(WorkflowHarness.Screener, "Screening", count: 2), "not-suitable", note: "Geen aparte kamer"))
            .Outcome.Should().Be(RedeemOutcome.Recorded);
        await harness.StageAsync(rejectedId, "NotSuitable");

        var again = await harness.Hosts.RegisterAsync(Households.Host(email: "PIET@example.org", postcode: "9999 ZZ", phone: "06 11112222"), CancellationToken.None);

        (await harness.Pool.OffersAsync(CancellationToken.None)).Select(offer => offer.HostId).Should().Equal(hostId);
        (await harness.EmailAsync("anke@example.org", "beschikbaar")).Html.Should().Contain("Beste Anke");
        (await harness.EmailAsync("piet@example.org", "Uitkomst van uw screening")).Html.Should().NotContain("Geen aparte kamer", "the screener's note is internal");
        again.Should().Be(new RegistrationResult(RegistrationOutcome.AlreadyRegistered, rejectedId, "NotSuitable"));
        (await harness.Hosts.DuplicateAttemptsAsync(rejectedId, CancellationToken.None)).Should().Be(1);
    }

    [Fact]
    public async Task An_available_host_who_does_not_confirm_the_offer_is_reminded_then_paused_and_can_come_back_by_link()
    {
        await using var harness = await WorkflowHarness.StartAsync(WorkflowHarness.AvailabilityCheck);
        var hostId = await harness.AvailableHostAsync(Households.Host());

        var available = await harness.EmailAsync("anke@example.org", "beschikbaar");
        var check = await harness.EmailAsync("anke@example.org", "Is uw aanbod nog actueel?");
        await harness.StageAsync(hostId, "Available");
        var reminder = await harness.EmailAsync("anke@example.org", "Herinnering: Is uw aanbod");
        var paused = await harness.EmailAsync("anke@example.org", "Wij hebben uw aanbod gepauzeerd");
        await harness.StageAsync(hostId, "Paused");
        var poolWhilePaused = await harness.Pool.OffersAsync(CancellationToken.None);
        (await harness.AnswerAsync(paused, "available")).Outcome.Should().Be(RedeemOutcome.Recorded);
        await harness.StageAsync(hostId, "Available");

        (check.At - available.At).Should().BeGreaterThanOrEqualTo(WorkflowHarness.Day * 4, "an available host is asked every four weeks");
        (reminder.At - check.At).Should().BeGreaterThanOrEqualTo(WorkflowHarness.Day * 2);
        (paused.At - check.At).Should().BeGreaterThanOrEqualTo(WorkflowHarness.Day * 4);
        reminder.Tokens.Should().Equal(check.Tokens);
        poolWhilePaused.Should().BeEmpty("a paused host is not proposed");
        (await harness.Pool.OffersAsync(CancellationToken.None)).Select(offer => offer.HostId).Should().Equal(hostId);
        (await harness.Hosts.FindAsync(hostId, CancellationToken.None))!.Status.Should().Be("Available");
        (await harness.Links.FindAsync(check.Tokens[0], CancellationToken.None)).State.Should().Be(ApprovalState.Closed, "the question closed when the host was paused");
    }

    [Fact]
    public async Task A_host_can_withdraw_while_waiting_for_the_VOG_with_the_link_from_the_first_email()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var hostId = await harness.RegisterHostAsync(Households.Host());
        var welcome = await harness.EmailAsync("anke@example.org", "aanmelding");
        (await harness.AnswerAsync(await harness.EmailAsync(WorkflowHarness.Screener, "Screening"), "suitable", new() { ["childSafety"] = "no" }))
            .Outcome.Should().Be(RedeemOutcome.Recorded);
        await harness.StageAsync(hostId, "WaitingForVog");
        var vogRequest = await harness.EmailAsync("anke@example.org", "VOG");

        (await harness.AnswerAsync(welcome, "withdraw")).Outcome.Should().Be(RedeemOutcome.Recorded);
        await harness.StageAsync(hostId, "Withdrawn");
        var withdrawn = await harness.EmailAsync("anke@example.org", "afgemeld");

        withdrawn.Html.Should().Contain("bewaartermijn");
        (await harness.Hosts.FindAsync(hostId, CancellationToken.None))!.Status.Should().Be("Withdrawn");
        (await harness.Links.FindAsync(vogRequest.Tokens[0], CancellationToken.None)).State.Should().Be(ApprovalState.Closed, "the upload page takes no VOG from a withdrawn host");
        (await harness.AnswerAsync(vogRequest, "uploaded")).Outcome.Should().Be(RedeemOutcome.Closed);
    }
}
