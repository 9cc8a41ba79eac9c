using AwesomeAssertions;
using RefugeeHome.Durable;
using RefugeeHome.Testing;

namespace RefugeeHome.Approvals.Tests;

public sealed class ApprovalLinksTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_answer_reaches_the_waiting_workflow_once_however_often_it_is_submitted()
    {
        await using var harness = await ApprovalHarness.StartAsync(azurite);
        var id = await harness.StartScreeningAsync();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => harness.Links.RedeemAsync(token, ApprovalHarness.Answer("suitable", "Warm welkom"), None)));
        var result = await harness.Runtime.Client.WaitForInstanceCompletionAsync(id, true, cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        outcomes.Select(outcome => outcome.Outcome).Should().ContainSingle(outcome => outcome == RedeemOutcome.Recorded)
            .And.AllSatisfy(outcome => outcome.Should().BeOneOf(RedeemOutcome.Recorded, RedeemOutcome.AlreadyRecorded));
        var output = result.ReadOutputAs<string>()!.Split('|');
        output[0].Should().Be("suitable");
        (await harness.Links.ReadNoteAsync(output[1], None)).Should().Be("Warm welkom", "the note stays with the link");
        result.SerializedOutput.Should().NotContain("Warm welkom");
        (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Answered);
    }

    [Fact]
    public async Task A_signed_page_address_opens_only_its_own_page_and_subject_and_a_link_token_is_known_before_issuing()
    {
        await using var harness = await ApprovalHarness.StartAsync(azurite);
        var id = await harness.StartScreeningAsync();
        var address = harness.Links.SignedPage("matching", "2026-11-23");
        var signature = address.Segments[^1];

        var known = harness.Links.TokenOf(id, ApprovalHarness.Request(id).Purpose, "task-3");
        var issued = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));

        address.AbsolutePath.Should().Be($"/matching/2026-11-23/{signature}");
        harness.Links.IsSigned("matching", "2026-11-23", signature).Should().BeTrue();
        harness.Links.IsSigned("matching", "2026-11-24", signature).Should().BeFalse("the signature is for one day");
        harness.Links.IsSigned("approve", "2026-11-23", signature).Should().BeFalse("the signature is for one page");
        harness.Links.IsSigned("matching", "2026-11-23", signature[..^2] + "AA").Should().BeFalse();
        known.Should().Be(issued);
        harness.Links.AddressOf("approve", issued).AbsolutePath.Should().Be("/approve/" + issued);
    }

    [Fact]
    public async Task A_different_answer_after_the_first_is_refused()
    {
        await using var harness = await ApprovalHarness.StartAsync(azurite);
        var id = await harness.StartScreeningAsync();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));

        await harness.Links.RedeemAsync(token, ApprovalHarness.Answer("suitable", null), None);
        var second = await harness.Links.RedeemAsync(token, ApprovalHarness.Answer("not-suitable", null), None);

        second.Outcome.Should().Be(RedeemOutcome.AnsweredOtherwise);
        second.Link.Answer.Should().Be("suitable");
    }

    [Fact]
    public async Task Reading_a_link_changes_nothing()
    {
        await using var harness = await ApprovalHarness.StartAsync(azurite);
        var id = await harness.StartScreeningAsync();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));

        for (var prefetch = 0; prefetch < 3; prefetch++)
        {
            (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Open);
        }

        await Task.Delay(300);
        (await harness.Runtime.Client.GetInstanceAsync(id))!.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Running);
    }

    [Fact]
    public async Task An_expired_link_answers_nothing()
    {
        await using var harness = await ApprovalHarness.StartAsync(azurite);
        var id = await harness.StartScreeningAsync();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));

        harness.Clock.Advance(TimeSpan.FromDays(7));
        var outcome = await harness.Links.RedeemAsync(token, ApprovalHarness.Answer("suitable", null), None);

        outcome.Outcome.Should().Be(RedeemOutcome.Expired);
        (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Expired);
    }

    [Fact]
    public async Task A_newer_link_for_the_same_question_supersedes_the_older()
    {
        await using var harness = await ApprovalHarness.StartAsync(azurite);
        var id = await harness.StartScreeningAsync();
        var first = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id, "task-3"), None));
        var reminder = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id, "task-9"), None));

        var old = await harness.Links.RedeemAsync(first, ApprovalHarness.Answer("suitable", null), None);
        var fresh = await harness.Links.RedeemAsync(reminder, ApprovalHarness.Answer("not-suitable", null), None);

        old.Outcome.Should().Be(RedeemOutcome.Superseded);
        fresh.Outcome.Should().Be(RedeemOutcome.Recorded);
    }

    [Theory]
    [InlineData("k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    [InlineData("k1.abc/../../etc")]
    [InlineData("")]
    public async Task A_forged_or_malformed_token_is_unknown(string token)
    {
        await using var harness = await ApprovalHarness.StartAsync(azurite);

        (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Unknown);
        (await harness.Links.RedeemAsync(token, ApprovalHarness.Answer("suitable", null), None)).Outcome.Should().Be(RedeemOutcome.Unknown);
    }

    [Fact]
    public async Task An_answer_the_link_does_not_offer_is_refused()
    {
        await using var harness = await ApprovalHarness.StartAsync(azurite);
        var id = await harness.StartScreeningAsync();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));

        (await harness.Links.RedeemAsync(token, ApprovalHarness.Answer("approve-everything", null), None)).Outcome.Should().Be(RedeemOutcome.InvalidChoice);
        (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Open);
    }

    [Fact]
    public async Task Issuing_again_for_the_same_issue_key_gives_the_same_link_which_carries_no_instance_data()
    {
        await using var harness = await ApprovalHarness.StartAsync(azurite);
        var id = await harness.StartScreeningAsync();

        var first = await harness.Links.IssueAsync(ApprovalHarness.Request(id), None);
        var retried = await harness.Links.IssueAsync(ApprovalHarness.Request(id), None);

        retried.Should().Be(first);
        first.Host.Should().Be("refugeehome.example");
        first.AbsoluteUri.Should().NotContain(id).And.NotContain("screening");
        ApprovalHarness.TokenOf(first).Should().MatchRegex("^k1\\.[A-Za-z0-9_-]{43}$");
    }

    [Fact]
    public async Task A_reminder_renews_its_links_expiry_and_a_closed_question_reads_as_superseded()
    {
        await using var harness = await ApprovalHarness.StartAsync(azurite);
        var id = await harness.StartScreeningAsync();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));
        harness.Clock.Advance(TimeSpan.FromDays(6));
        var reminder = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id) with { ExpiresAt = harness.Clock.GetUtcNow().AddDays(7) }, None));
        harness.Clock.Advance(TimeSpan.FromDays(3));
        var afterFirstExpiry = (await harness.Links.FindAsync(token, None)).State;

        await harness.Links.CloseAsync(id, "screening", None);

        reminder.Should().Be(token, "a reminder repeats the same link");
        afterFirstExpiry.Should().Be(ApprovalState.Open);
        (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Superseded);
        (await harness.Links.RedeemAsync(token, ApprovalHarness.Answer("suitable"), None)).Outcome.Should().Be(RedeemOutcome.Superseded);
    }

    [Fact]
    public async Task Field_values_are_checked_before_anything_is_recorded()
    {
        await using var harness = await ApprovalHarness.StartAsync(azurite);
        var id = await harness.StartScreeningAsync();
        var request = ApprovalHarness.Request(id) with
        {
            Fields =
            [
                new ApprovalField("moveIn", "Verhuisdatum", ApprovalFieldKind.Date) { RequiredFor = ["suitable"], Earliest = new DateOnly(2026, 12, 1) },
                new ApprovalField("amount", "Bedrag", ApprovalFieldKind.Number) { Maximum = 485 },
                new ApprovalField("months", "Maanden", ApprovalFieldKind.Select) { Options = [new("3", "3 maanden")] },
            ],
        };
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(request, None));

        var missing = await harness.Links.RedeemAsync(token, ApprovalHarness.Answer("suitable"), None);
        var wrong = await harness.Links.RedeemAsync(token, ApprovalHarness.Answer("suitable", values: new() { ["moveIn"] = "2026-11-30", ["amount"] = "485,01", ["months"] = "12" }), None);
        var notDate = await harness.Links.RedeemAsync(token, ApprovalHarness.Answer("suitable", values: new() { ["moveIn"] = "1 december" }), None);
        var right = await harness.Links.RedeemAsync(token, ApprovalHarness.Answer("suitable", values: new() { ["moveIn"] = "2026-12-01", ["amount"] = "485", ["months"] = "3", ["extra"] = "ignored" }), None);
        var result = await harness.Runtime.Client.WaitForInstanceCompletionAsync(id, true, cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        missing.Outcome.Should().Be(RedeemOutcome.InvalidValues);
        missing.Problems.Should().ContainSingle().Which.Kind.Should().Be(FieldProblemKind.Required);
        wrong.Problems.Select(problem => (problem.Field.Name, problem.Kind)).Should().BeEquivalentTo(
            [("moveIn", FieldProblemKind.TooEarly), ("amount", FieldProblemKind.AboveMaximum), ("months", FieldProblemKind.Invalid)]);
        notDate.Problems.Should().ContainSingle().Which.Kind.Should().Be(FieldProblemKind.Invalid);
        right.Outcome.Should().Be(RedeemOutcome.Recorded);
        result.ReadOutputAs<string>().Should().StartWith("suitable|");
    }
}
