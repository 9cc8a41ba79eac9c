using Azure;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using AwesomeAssertions;
using RefugeeHome.Testing;

namespace RefugeeHome.Approvals.Tests;

public sealed class ApprovalLinksTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_answer_is_recorded_once_however_often_it_is_submitted_and_each_submission_raises_the_same_answer()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        var id = ApprovalHarness.NewInstanceId();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => harness.RedeemAsync(token, ApprovalHarness.Answer("suitable", "Warm welkom"))));
        var raised = harness.Events.For(id);

        outcomes.Select(outcome => outcome.Outcome).Should().ContainSingle(outcome => outcome == RedeemOutcome.Recorded)
            .And.AllSatisfy(outcome => outcome.Should().BeOneOf(RedeemOutcome.Recorded, RedeemOutcome.AlreadyRecorded));
        raised.Should().HaveCount(4, "a submission repeated after the answer was recorded raises it again, in case the first was lost")
            .And.AllSatisfy(answer => answer.Should().BeEquivalentTo(raised[0]));
        raised[0].Choice.Should().Be("suitable");
        (await harness.Links.ReadNoteAsync(raised[0].LinkId, None)).Should().Be("Warm welkom", "the note stays with the link");
        System.Text.Json.JsonSerializer.Serialize(raised[0]).Should().NotContain("Warm welkom", "the answer the workflow keeps in its history carries no note");
        (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Answered);
    }

    [Fact]
    public async Task An_answer_whose_reply_storage_lost_still_reads_as_recorded_by_the_one_who_gave_it()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        var id = ApprovalHarness.NewInstanceId();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));
        using var lostReply = new LostReplyOfFirstConditionalWrite(new HttpClientHandler());
        var links = new ApprovalLinks(
            new TableServiceClient(azurite.ConnectionString, new TableClientOptions { Transport = new HttpClientTransport(lostReply) }),
            new ApprovalOptions { BaseUrl = new Uri("https://refugeehome.example/"), SigningKey = ApprovalHarness.SigningKey }, harness.Clock);

        var redemption = await links.RedeemAsync(token, ApprovalHarness.Answer("suitable"), harness.Events, None);

        lostReply.Lost.Should().Be(1, "the write went through and its reply was lost, so the client sent it again");
        redemption.Outcome.Should().Be(RedeemOutcome.Recorded);
        harness.Events.For(id).Should().ContainSingle().Which.Choice.Should().Be("suitable");
    }

    [Fact]
    public async Task An_answer_whose_request_died_before_it_reached_the_workflow_is_passed_on_once_by_the_sweep_after_its_wait()
    {
        // A year before every other test's clock: the sweep sees only the markers this test leaves in the shared table.
        var harness = await ApprovalHarness.StartAsync(azurite, ApprovalHarness.Start.AddYears(-1));
        var unheard = ApprovalHarness.NewInstanceId();
        var alsoUnheard = ApprovalHarness.NewInstanceId();
        var heard = ApprovalHarness.NewInstanceId();
        var unheardToken = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(unheard), None));
        var alsoUnheardToken = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(alsoUnheard), None));
        var heardToken = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(heard), None));
        await harness.RedeemAsync(heardToken, ApprovalHarness.Answer("suitable"));

        var dying = () => harness.Links.RedeemAsync(unheardToken, ApprovalHarness.Answer("not-suitable"), new ProcessDiesOnRaise(), None);
        var alsoDying = () => harness.Links.RedeemAsync(alsoUnheardToken, ApprovalHarness.Answer("suitable"), new ProcessDiesOnRaise(), None);
        await dying.Should().ThrowAsync<OperationCanceledException>();
        await alsoDying.Should().ThrowAsync<OperationCanceledException>();
        var beforeTheWait = await harness.Links.PassOnUnheardAsync(harness.Events, None);
        harness.Clock.Advance(new ApprovalOptions().PassOnUnheardAfter + TimeSpan.FromSeconds(1));
        var withOneWorkflowUnreachable = await harness.Links.PassOnUnheardAsync(new UnreachableWorkflow(unheard, harness.Events), None);
        var afterwards = await harness.Links.PassOnUnheardAsync(harness.Events, None);
        var once = await harness.Links.PassOnUnheardAsync(harness.Events, None);

        beforeTheWait.PassedOn.Should().Be(0, "the request that records an answer may still be on its way to raise it");
        withOneWorkflowUnreachable.PassedOn.Should().Be(1, "one answer that cannot be passed on does not hold up the others");
        withOneWorkflowUnreachable.Failures.Should().ContainSingle();
        afterwards.PassedOn.Should().Be(1, "the one that failed is tried again at the next sweep");
        once.PassedOn.Should().Be(0, "a sweep passes an answer on once");
        harness.Events.For(unheard).Should().ContainSingle().Which.Choice.Should().Be("not-suitable");
        harness.Events.For(alsoUnheard).Should().ContainSingle().Which.Choice.Should().Be("suitable");
        harness.Events.For(heard).Should().ContainSingle("an answer its request passed on is not passed on again");
    }

    // Storage or the engine refuses the events of one workflow.
    private sealed class UnreachableWorkflow(string instanceId, IWorkflowEvents others) : IWorkflowEvents
    {
        public Task RaiseAsync(string target, string eventName, ApprovalAnswer answer, CancellationToken cancellationToken) =>
            target == instanceId
                ? throw new RequestFailedException(503, "Storage is unavailable.")
                : others.RaiseAsync(target, eventName, answer, cancellationToken);
    }

    // The process that records the answer dies before the workflow hears of it.
    private sealed class ProcessDiesOnRaise : IWorkflowEvents
    {
        public Task RaiseAsync(string instanceId, string eventName, ApprovalAnswer answer, CancellationToken cancellationToken) =>
            throw new OperationCanceledException("The process died.");
    }

    // Storage carries out the first conditional write and its reply never arrives; the client's retry then finds the
    // row changed by that very write.
    private sealed class LostReplyOfFirstConditionalWrite(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public int Lost { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Lost > 0 || request.Headers.IfMatch.Count == 0)
            {
                return response;
            }

            Lost++;
            response.Dispose();
            return new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = new StringContent("") };
        }
    }

    [Fact]
    public async Task A_signed_page_address_opens_only_its_own_page_and_subject_and_a_link_token_is_known_before_issuing()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        var id = ApprovalHarness.NewInstanceId();
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
        var harness = await ApprovalHarness.StartAsync(azurite);
        var id = ApprovalHarness.NewInstanceId();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));

        await harness.RedeemAsync(token, ApprovalHarness.Answer("suitable", null));
        var second = await harness.RedeemAsync(token, ApprovalHarness.Answer("not-suitable", null));

        second.Outcome.Should().Be(RedeemOutcome.AnsweredOtherwise);
        second.Link.Answer.Should().Be("suitable");
    }

    [Fact]
    public async Task Reading_a_link_changes_nothing()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        var id = ApprovalHarness.NewInstanceId();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));

        for (var prefetch = 0; prefetch < 3; prefetch++)
        {
            (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Open);
        }

        harness.Events.For(id).Should().BeEmpty();
    }

    [Fact]
    public async Task An_expired_link_answers_nothing()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        var id = ApprovalHarness.NewInstanceId();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));

        harness.Clock.Advance(TimeSpan.FromDays(7));
        var outcome = await harness.RedeemAsync(token, ApprovalHarness.Answer("suitable", null));

        outcome.Outcome.Should().Be(RedeemOutcome.Expired);
        (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Expired);
    }

    [Fact]
    public async Task A_newer_link_for_the_same_question_supersedes_the_older()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        var id = ApprovalHarness.NewInstanceId();
        var first = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id, "task-3"), None));
        var reminder = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id, "task-9"), None));

        var old = await harness.RedeemAsync(first, ApprovalHarness.Answer("suitable", null));
        var fresh = await harness.RedeemAsync(reminder, ApprovalHarness.Answer("not-suitable", null));

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
        var harness = await ApprovalHarness.StartAsync(azurite);

        (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Unknown);
        (await harness.RedeemAsync(token, ApprovalHarness.Answer("suitable", null))).Outcome.Should().Be(RedeemOutcome.Unknown);
    }

    [Fact]
    public async Task An_answer_the_link_does_not_offer_is_refused()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        var id = ApprovalHarness.NewInstanceId();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));

        (await harness.RedeemAsync(token, ApprovalHarness.Answer("approve-everything", null))).Outcome.Should().Be(RedeemOutcome.InvalidChoice);
        (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Open);
    }

    [Fact]
    public async Task Issuing_again_for_the_same_issue_key_gives_the_same_link_which_carries_no_instance_data()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        var id = ApprovalHarness.NewInstanceId();

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
        var harness = await ApprovalHarness.StartAsync(azurite);
        var id = ApprovalHarness.NewInstanceId();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));
        harness.Clock.Advance(TimeSpan.FromDays(6));
        var reminder = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id) with { ExpiresAt = harness.Clock.GetUtcNow().AddDays(7) }, None));
        harness.Clock.Advance(TimeSpan.FromDays(3));
        var afterFirstExpiry = (await harness.Links.FindAsync(token, None)).State;

        await harness.Links.CloseAsync(id, "screening", None);

        reminder.Should().Be(token, "a reminder repeats the same link");
        afterFirstExpiry.Should().Be(ApprovalState.Open);
        (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Closed);
        (await harness.RedeemAsync(token, ApprovalHarness.Answer("suitable"))).Outcome.Should().Be(RedeemOutcome.Closed);
    }

    [Fact]
    public async Task Field_values_are_checked_before_anything_is_recorded()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        var id = ApprovalHarness.NewInstanceId();
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

        var missing = await harness.RedeemAsync(token, ApprovalHarness.Answer("suitable"));
        var wrong = await harness.RedeemAsync(token, ApprovalHarness.Answer("suitable", values: new() { ["moveIn"] = "2026-11-30", ["amount"] = "485,01", ["months"] = "12" }));
        var notDate = await harness.RedeemAsync(token, ApprovalHarness.Answer("suitable", values: new() { ["moveIn"] = "1 december" }));
        var right = await harness.RedeemAsync(token, ApprovalHarness.Answer("suitable", values: new() { ["moveIn"] = "2026-12-01", ["amount"] = "485", ["months"] = "3", ["extra"] = "ignored" }));

        missing.Outcome.Should().Be(RedeemOutcome.InvalidValues);
        missing.Problems.Should().ContainSingle().Which.Kind.Should().Be(FieldProblemKind.Required);
        wrong.Problems.Select(problem => (problem.Field.Name, problem.Kind)).Should().BeEquivalentTo(
            [("moveIn", FieldProblemKind.TooEarly), ("amount", FieldProblemKind.AboveMaximum), ("months", FieldProblemKind.Invalid)]);
        notDate.Problems.Should().ContainSingle().Which.Kind.Should().Be(FieldProblemKind.Invalid);
        right.Outcome.Should().Be(RedeemOutcome.Recorded);
        harness.Events.For(id).Should().ContainSingle().Which.Values.Should().BeEquivalentTo(
            new Dictionary<string, string> { ["moveIn"] = "2026-12-01", ["amount"] = "485", ["months"] = "3" }, "only the fields asked for are passed on");
    }
}
