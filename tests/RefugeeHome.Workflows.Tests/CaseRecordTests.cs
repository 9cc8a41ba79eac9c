using System.Diagnostics;
using AwesomeAssertions;
using RefugeeHome.Approvals;
using RefugeeHome.Cases;

namespace RefugeeHome.Workflows.Tests;

public sealed class CaseRecordTests
{
    [Fact]
    public async Task A_host_case_is_indexed_with_its_stage_and_wait_and_its_timeline_shows_stages_emails_and_links_until_retention_forgets_them()
    {
        await using var harness = await WorkflowHarness.StartAsync();
        var hostId = await harness.RegisterHostAsync(Households.Host());
        var screening = await harness.EmailAsync(WorkflowHarness.Screener, "Screening");

        var waiting = await IndexedAsync(harness, hostId, summary => summary.Stage == "Screening");
        waiting.Kind.Should().Be(CaseKind.Host);
        waiting.WaitingFor.Should().Be("screener");
        waiting.Name.Should().Be("Anke de Vries");
        waiting.Email.Should().Be("anke@example.org");
        (waiting.Municipality, waiting.Province).Should().Be(("Utrecht", "Utrecht"));
        waiting.DueAt.Should().Be(waiting.Since + (3 * WorkflowHarness.Day), "a wait is overdue once its first reminder goes");
        waiting.CaseNumber.Should().MatchRegex("^H-[0-9A-Z]{4}-[0-9A-Z]{4}$");

        (await harness.AnswerAsync(screening, "not-suitable", note: "Geen aparte kamer")).Outcome.Should().Be(RedeemOutcome.Recorded);
        var ended = await IndexedAsync(harness, hostId, summary => summary.Stage == "NotSuitable");
        var timeline = await harness.Timeline.ReadAsync(hostId, CancellationToken.None);
        var links = await harness.Links.LinksOfAsync(hostId, CancellationToken.None);

        ended.Ended.Should().BeTrue();
        ended.IsOverdue(DateTimeOffset.UtcNow.AddYears(1)).Should().BeFalse("an ended case waits for nobody");
        timeline.Where(entry => entry.Kind == TimelineKind.Stage).Select(entry => entry.Code).Should().Equal("Screening", "NotSuitable");
        timeline.Where(entry => entry.Kind == TimelineKind.Email).Select(entry => (entry.Code, entry.Role)).Should()
            .Contain([("host-registered", "host"), ("screening-request", "screener"), ("host-not-suitable", "host")]);
        timeline.Should().OnlyHaveUniqueItems(entry => entry.Key);
        var answered = links.Single(link => link.Link.Purpose == "screening");
        (answered.Audience, answered.AnsweredBy, answered.Note).Should().Be(("screener", "screener", "Geen aparte kamer"));
        answered.Token.Should().Be(screening.Tokens[0], "staff can open the question the email asked");
        links.Single(link => link.Link.Purpose == "withdraw").Link.State.Should().Be(ApprovalState.Closed, "an ended journey takes no answer");

        await harness.CompletionAsync(hostId);
        (await harness.Cases.FindAsync(hostId, CancellationToken.None)).Should().BeNull("the case goes with the household's data");
        (await harness.Timeline.ReadAsync(hostId, CancellationToken.None)).Should().BeEmpty();
        (await harness.Links.LinksOfAsync(hostId, CancellationToken.None)).Should().BeEmpty();
    }

    private static async Task<CaseSummary> IndexedAsync(WorkflowHarness harness, string caseId, Func<CaseSummary, bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var summary = await harness.Cases.FindAsync(caseId, CancellationToken.None);
            if (summary is not null && condition(summary))
            {
                return summary;
            }

            waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), $"{caseId} should be indexed as expected, is {summary}");
            await Task.Delay(50);
        }
    }
}
