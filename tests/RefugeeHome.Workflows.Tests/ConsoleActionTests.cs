using AwesomeAssertions;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RefugeeHome.Approvals;
using RefugeeHome.Cases;
using RefugeeHome.Matching;
using RefugeeHome.Registrations;
using RefugeeHome.Statistics;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Workflows.Tests;

/// <summary>
/// What staff do from the console, reaching the workflows as answers to the console's own questions: a correction of
/// a registration, a match by hand, a proposal turned down and an erasure before the retention period ends.
/// </summary>
public sealed class ConsoleActionTests
{
    [Fact]
    public async Task A_corrected_municipality_moves_the_household_in_the_ministrys_counts_the_pool_and_the_console_while_the_host_stays_available()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var hostId = await harness.AvailableHostAsync(Households.Host());
        var before = await CountsAsync(harness);

        await harness.Hosts.RequestCorrectionAsync(hostId, new HostCorrection("Amersfoort", ["nl", "uk"], "anke.nieuw@example.org", "06 87654321"), CancellationToken.None);
        // The same form sent twice is one answer.
        await AnswerAsConsoleAsync(harness, hostId, ConsoleAnswers.CorrectPurpose, "correct", "first", new() { [ConsoleAnswers.HouseholdValue] = hostId });
        await AnswerAsConsoleAsync(harness, hostId, ConsoleAnswers.CorrectPurpose, "correct", "first", new() { [ConsoleAnswers.HouseholdValue] = hostId });
        var offer = await EventuallyAsync(async () => (await harness.Pool.OffersAsync(CancellationToken.None)).Single(), found => found.Municipality == "Amersfoort");
        var after = await CountsAsync(harness);
        var summary = await EventuallyAsync(() => harness.Cases.FindAsync(hostId, CancellationToken.None), found => found?.Municipality == "Amersfoort");
        var host = await harness.Hosts.FindAsync(hostId, CancellationToken.None);

        before["Utrecht"][Metrics.HostsAvailable].Should().Be(1);
        after.GetValueOrDefault("Utrecht")?[Metrics.HostsAvailable].Should().Be(0, "the household left Utrecht's counts");
        after["Amersfoort"][Metrics.HostsAvailable].Should().Be(1);
        after["Amersfoort"][Metrics.HostsRegistered].Should().Be(1, "it counts once, in its new municipality");
        offer.Languages.Should().BeEquivalentTo(["nl", "uk"]);
        offer.Region.Should().Be("Utrecht", "Amersfoort lies in the province of Utrecht");
        summary!.Email.Should().Be("anke.nieuw@example.org");
        summary.Stage.Should().Be("Available");
        host!.Phone.Should().Be("06 87654321");
        (await harness.Hosts.PendingCorrectionAsync(hostId, CancellationToken.None)).Should().BeNull();
        (await harness.Hosts.RegisterAsync(Households.Host(email: "anke.nieuw@example.org", postcode: "1011 AB", phone: "06 11112222"), CancellationToken.None))
            .Outcome.Should().Be(RegistrationOutcome.AlreadyRegistered, "the corrected email finds the household again");
        (await harness.Hosts.RegisterAsync(Households.Host(email: "anke@example.org", postcode: "1011 AC", phone: "06 33334444"), CancellationToken.None))
            .Outcome.Should().Be(RegistrationOutcome.Registered, "the old email no longer does");
        (await harness.Client.GetInstanceAsync(hostId))!.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Running);
    }

    [Fact]
    public async Task The_matcher_matches_by_hand_once_however_often_the_form_is_sent_and_never_with_a_host_a_rule_excludes()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var matching = harness.Services.GetRequiredService<HouseholdMatching>();
        var hostId = await harness.AvailableHostAsync(Households.Host());
        var smallHostId = await harness.AvailableHostAsync(Households.Host(email: "klein@example.org", postcode: "3512 AB", phone: "06 55556666", capacity: 1));
        var guestId = await harness.RegisterGuestAsync(Households.Family());
        await harness.StageAsync(guestId, "Waiting");

        var view = await matching.ViewAsync(guestId, "en", 10, CancellationToken.None);
        var tooSmall = await matching.MatchByHandAsync(guestId, smallHostId, "en", "matcher: Sanne", Guid.NewGuid().ToString(), harness.Events, CancellationToken.None);
        var submission = Guid.NewGuid().ToString();
        var clicks = await Task.WhenAll(
            matching.MatchByHandAsync(guestId, hostId, "en", "matcher: Sanne", submission, harness.Events, CancellationToken.None),
            matching.MatchByHandAsync(guestId, hostId, "en", "matcher: Sanne", submission, harness.Events, CancellationToken.None));
        await harness.EmailAsync(WorkflowHarness.Connector, "Kennismaking plannen");
        var status = await harness.StageAsync(guestId, "Placement");

        view!.Ranked.Select(host => host.HostId).Should().Equal(hostId);
        view.Ranked[0].Lines[0].Should().Contain(CaseNumbers.Of(hostId)).And.Contain("Utrecht").And.NotContain("Oudegracht");
        view.Excluded.Should().ContainSingle().Which.Should().Match<ExcludedHosts>(rule => rule.Rule == Exclusion.Capacity && rule.HostIds.Single() == smallHostId);
        view.Excluded[0].Label.Should().Be("too little room");
        tooSmall.Should().Be("too little room");
        clicks.Should().AllSatisfy(refusal => refusal.Should().BeNull());
        status.PlacementId.Should().NotBeNull();
        harness.Sent.Count(email => email.To == WorkflowHarness.Connector && email.Subject.StartsWith("Kennismaking plannen", StringComparison.Ordinal))
            .Should().Be(1, "two clicks on one form make one placement");
        (await harness.Pool.OffersAsync(CancellationToken.None)).Select(offer => offer.HostId).Should().Equal(smallHostId);
    }

    [Fact]
    public async Task A_proposal_the_matcher_turns_down_closes_its_link_and_the_pair_is_never_proposed_again()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var matching = harness.Services.GetRequiredService<HouseholdMatching>();
        var hostId = await harness.AvailableHostAsync(Households.Host());
        var guestId = await harness.RegisterGuestAsync(Households.Family());
        await harness.StageAsync(guestId, "Waiting");
        var round = await harness.NextRoundAsync();

        var proposal = (await matching.ViewAsync(guestId, "nl", 10, CancellationToken.None))!.Proposals.Single();
        var turnedDown = await matching.RejectAsync(guestId, proposal.Token, CancellationToken.None);
        var again = await matching.RejectAsync(guestId, proposal.Token, CancellationToken.None);
        var afterwards = (await matching.ViewAsync(guestId, "nl", 10, CancellationToken.None))!;
        var approval = await harness.AnswerAsync(round, hostId);
        var nextRound = await harness.NextRoundAsync();

        proposal.HostId.Should().Be(hostId);
        round.Tokens.Should().Contain(proposal.Token);
        turnedDown.Should().BeTrue();
        again.Should().BeFalse("the proposal is no longer open");
        afterwards.Proposals.Should().BeEmpty();
        afterwards.Ranked.Should().BeEmpty();
        afterwards.Excluded.Single().Should().Match<ExcludedHosts>(rule => rule.Rule == Exclusion.DeclinedBefore && rule.HostIds.Single() == hostId);
        approval.Outcome.Should().Be(RedeemOutcome.Closed, "the link of a proposal turned down takes no approval");
        nextRound.Html.Should().NotContain($"<h3>{CaseNumbers.Of(guestId)}</h3>", "the pair is not proposed again");
        (await harness.Client.GetInstanceAsync(guestId, getInputsAndOutputs: true))!.ReadCustomStatusAs<WorkflowStatus>()!.Stage.Should().Be("Waiting");
    }

    [Fact]
    public async Task A_coordinator_erases_a_withdrawn_households_data_at_once_instead_of_at_the_end_of_its_retention()
    {
        await using var harness = await WorkflowHarness.StartAsync(new Dictionary<string, string?> { ["Workflows:RetainAfterEnd"] = "30.00:00:00" });
        var registration = Households.Host();
        var hostId = await harness.RegisterHostAsync(registration);
        var welcome = await harness.EmailAsync(registration.Email, "aanmelding als gastgezin is ontvangen");
        (await harness.AnswerAsync(welcome, "withdraw")).Outcome.Should().Be(RedeemOutcome.Recorded);
        await harness.StageAsync(hostId, "Withdrawn");
        (await harness.Hosts.FindAsync(hostId, CancellationToken.None)).Should().NotBeNull("its data is kept for thirty days");

        await AnswerAsConsoleAsync(harness, hostId, ConsoleAnswers.ErasePurpose, "erase", "erase", []);
        var completed = await harness.CompletionAsync(hostId);

        completed.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
        (await harness.Hosts.FindAsync(hostId, CancellationToken.None)).Should().BeNull();
        (await harness.Cases.FindAsync(hostId, CancellationToken.None)).Should().BeNull();
        (await harness.Timeline.ReadAsync(hostId, CancellationToken.None)).Should().BeEmpty();
    }

    private static async Task AnswerAsConsoleAsync(WorkflowHarness harness, string instanceId, string purpose, string choice, string submission, Dictionary<string, string> values)
    {
        var link = await harness.Links.IssueAsync(new ApprovalRequest(instanceId, ConsoleAnswers.EventName, purpose, "console-" + submission, "nl", purpose,
            [new ApprovalChoice(choice, choice)], DateTimeOffset.UtcNow.AddDays(1)), CancellationToken.None);
        (await harness.Links.RedeemAsync(link.AbsolutePath.Split('/')[^1], new ApprovalSubmission(choice, null, values), harness.Events, CancellationToken.None))
            .Outcome.Should().BeOneOf(RedeemOutcome.Recorded, RedeemOutcome.AlreadyRecorded);
    }

    private static async Task<Dictionary<string, IReadOnlyDictionary<string, int>>> CountsAsync(WorkflowHarness harness) =>
        (await harness.Statistics.ReadAsync(WorkflowHarness.Today, CancellationToken.None)).ToDictionary(counts => counts.Municipality, counts => counts.Counts);

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = await read();
            if (done(value) || attempt == 600)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
