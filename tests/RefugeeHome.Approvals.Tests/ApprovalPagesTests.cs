using System.Net;
using AwesomeAssertions;
using RefugeeHome.Storage;
using RefugeeHome.Testing;

namespace RefugeeHome.Approvals.Tests;

public sealed class ApprovalPagesTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Opening_a_link_shows_the_question_in_the_recipients_language_and_changes_nothing()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        await using var host = await PageHost.StartAsync(harness);
        var id = ApprovalHarness.NewInstanceId();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));

        using var response = await host.Browser.GetAsync(new Uri("approve/" + token, UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Should().Contain("<html lang=\"nl\"").And.Contain("Uitkomst van het screeningsgesprek")
            .And.Contain("value=\"suitable\">Geschikt</button>").And.Contain("Er gebeurt pas iets als u op een knop drukt");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Open);
        harness.Events.For(id).Should().BeEmpty();
    }

    [Fact]
    public async Task A_question_to_staff_names_the_household_and_the_matchers_only_its_case_number()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        await using var host = await PageHost.StartAsync(harness);
        var id = ApprovalHarness.NewInstanceId();
        var cases = new RefugeeHome.Cases.CaseIndex(harness.Tables);
        await cases.RecordAsync(id, _ => new RefugeeHome.Cases.CaseSummary(id, RefugeeHome.Cases.CaseKind.Host, "Screening", "screener", ApprovalHarness.Start, null)
        {
            Name = "Anke de Vries",
        }, None);
        var screener = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id) with { Audience = "screener" }, None));
        var matcher = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id, "task-4") with { Purpose = "match", Audience = "matcher" }, None));
        var household = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id, "task-5") with { Purpose = "withdraw", Audience = "host" }, None));
        var caseNumber = RefugeeHome.Cases.CaseNumbers.Of(id);

        (await host.Browser.GetStringAsync(new Uri("approve/" + screener, UriKind.Relative))).Should().Contain($"Over: Anke de Vries · {caseNumber}");
        (await host.Browser.GetStringAsync(new Uri("approve/" + matcher, UriKind.Relative))).Should().Contain($"Over: {caseNumber}").And.NotContain("Anke");
        (await host.Browser.GetStringAsync(new Uri("approve/" + household, UriKind.Relative))).Should().NotContain("Over:", "a household knows what its own link is about");
    }

    [Fact]
    public async Task Pressing_a_button_records_the_answer_and_a_double_submission_changes_nothing()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        await using var host = await PageHost.StartAsync(harness);
        var id = ApprovalHarness.NewInstanceId();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id, language: "uk"), None));

        var form = await host.OpenFormAsync(token);
        using var first = await host.SubmitAsync(token, form, "not-suitable", "Немає окремої кімнати");
        using var second = await host.SubmitAsync(token, form, "not-suitable", "Немає окремої кімнати");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("Дякуємо. Вашу відповідь записано: Niet geschikt");
        (await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("Цю відповідь уже було записано");
        var raised = harness.Events.For(id);
        raised.Select(answer => (answer.Choice, answer.LinkId)).Distinct().Should().ContainSingle("a double submission passes on the same answer");
        raised[0].Choice.Should().Be("not-suitable");
        (await harness.Links.ReadNoteAsync(raised[0].LinkId, None)).Should().Be("Немає окремої кімнати");
    }

    [Fact]
    public async Task A_form_shown_again_for_a_mistake_keeps_the_date_the_choice_and_the_note_typed_in()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        await using var host = await PageHost.StartAsync(harness);
        var id = ApprovalHarness.NewInstanceId();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id) with
        {
            Fields =
            [
                new ApprovalField("moveIn", "Verhuisdatum", ApprovalFieldKind.Date) { RequiredFor = ["suitable"], Earliest = new DateOnly(2026, 12, 1) },
                new ApprovalField("months", "Maanden", ApprovalFieldKind.Select) { Options = [new("3", "3 maanden"), new("6", "6 maanden")] },
            ],
        }, None));

        using var response = await host.SubmitAsync(token, await host.OpenFormAsync(token), "suitable", "Kamer op zolder, trap is steil",
            new Dictionary<string, string> { ["moveIn"] = "2026-11-30", ["months"] = "6" });
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.Should().Contain("Verhuisdatum: deze datum ligt te vroeg").And.Contain("U koos: Geschikt")
            .And.Contain("name=\"field.moveIn\" value=\"2026-11-30\"").And.Contain("<option value=\"6\" selected>6 maanden</option>")
            .And.Contain(">Kamer op zolder, trap is steil</textarea>");
        harness.Events.For(id).Should().BeEmpty();
    }

    [Fact]
    public async Task A_VOG_over_the_size_limit_gets_the_upload_page_again_in_the_hosts_language_and_nothing_is_kept()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        await using var host = await PageHost.StartAsync(harness);
        var id = ApprovalHarness.NewInstanceId();
        var link = await harness.Links.IssueAsync(ApprovalHarness.Request(id, language: "uk") with { Page = "upload", Choices = [new("uploaded", "Завантажити")] }, None);
        var token = link.AbsolutePath["/upload/".Length..];
        var page = await host.Browser.GetStringAsync(new Uri("upload/" + token, UriKind.Relative), TestContext.Current.CancellationToken);
        var antiforgery = PageHost.AntiforgeryField(page);
        var sixMegabytes = new byte[6 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(sixMegabytes);

        using var content = new MultipartFormDataContent
        {
            { new StringContent(antiforgery.Value), antiforgery.Key },
            { new ByteArrayContent(sixMegabytes), "document", "vog.pdf" },
        };
        using var response = await host.Browser.PostAsync(new Uri("upload/" + token, UriKind.Relative), content, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("Файл більший за 5 МБ").And.Contain("type=\"file\"");
        harness.Events.For(id).Should().BeEmpty();
        var stillOpen = await harness.Links.FindAsync(token, None);
        stillOpen.State.Should().Be(ApprovalState.Open, "the host can try again with a smaller scan");
        (await harness.Documents.OpenAsync(DocumentNames.ForUpload(id, stillOpen.Id), None)).Should().BeNull();
    }

    [Fact]
    public async Task A_post_without_the_forms_anti_forgery_token_is_refused_and_records_nothing()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        await using var host = await PageHost.StartAsync(harness);
        var id = ApprovalHarness.NewInstanceId();
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id), None));
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "suitable" });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("approve/" + token, UriKind.Relative)) { Content = forged };
        request.Headers.AcceptLanguage.ParseAdd("ru");

        using var response = await host.Browser.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("Срок действия этой формы истёк");
        (await harness.Links.FindAsync(token, None)).State.Should().Be(ApprovalState.Open);
    }

    [Fact]
    public async Task A_stale_form_answering_differently_after_someone_else_answered_is_refused()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        await using var host = await PageHost.StartAsync(harness);
        var token = await IssueAsync(harness, "task-1");
        var staleForm = await host.OpenFormAsync(token);
        await harness.RedeemAsync(token, ApprovalHarness.Answer("suitable", null));

        using var response = await host.SubmitAsync(token, staleForm, "not-suitable");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("already been answered (Geschikt)");
    }

    [Fact]
    public async Task Expired_superseded_and_forged_links_each_get_a_clear_page_and_no_trace()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        await using var host = await PageHost.StartAsync(harness);
        var id = ApprovalHarness.NewInstanceId();
        var older = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id, "task-1", "en"), None));
        await harness.Links.IssueAsync(ApprovalHarness.Request(id, "task-4", "en"), None);
        var expiring = await IssueAsync(harness, "task-2");
        harness.Clock.Advance(TimeSpan.FromDays(8));

        (await PageOf(host, older)).Should().Be((HttpStatusCode.Gone, "A newer link has been sent for this question."));
        (await PageOf(host, expiring)).Should().Be((HttpStatusCode.Gone, "This link has expired."));
        (await PageOf(host, "k1.forged-token-that-was-never-issued-by-us-000")).Should().Be((HttpStatusCode.NotFound, "This link is not valid."));
    }

    [Fact]
    public async Task Text_from_the_workflow_is_html_encoded_on_the_page()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        await using var host = await PageHost.StartAsync(harness);
        var id = ApprovalHarness.NewInstanceId();
        var request = ApprovalHarness.Request(id) with { Title = "Screening <script>alert(1)</script>" };
        var token = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(request, None));

        var page = await host.Browser.GetStringAsync(new Uri("approve/" + token, UriKind.Relative), TestContext.Current.CancellationToken);

        page.Should().NotContain("<script>").And.Contain("&lt;script&gt;");
    }

    private static async Task<string> IssueAsync(ApprovalHarness harness, string issueKey)
    {
        var id = ApprovalHarness.NewInstanceId();
        return ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id, issueKey, "en"), None));
    }

    private static async Task<(HttpStatusCode Status, string FirstSentence)> PageOf(PageHost host, string token)
    {
        using var response = await host.Browser.GetAsync(new Uri("approve/" + token, UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();
        page.Should().NotContain("Exception").And.NotContain(" at ");
        const string Paragraph = "<p class=\"utrecht-paragraph\">";
        var paragraph = page[(page.IndexOf(Paragraph, StringComparison.Ordinal) + Paragraph.Length)..];
        return (response.StatusCode, paragraph[..(paragraph.IndexOf('.', StringComparison.Ordinal) + 1)]);
    }

    [Fact]
    public async Task A_note_that_reaches_a_household_says_so_before_it_is_written_and_a_citizen_service_number_in_it_is_refused()
    {
        var harness = await ApprovalHarness.StartAsync(azurite);
        await using var host = await PageHost.StartAsync(harness);
        var id = ApprovalHarness.NewInstanceId();
        var toHost = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id, "vog-check-1", "en") with { NoteReaches = "host" }, None));
        var internalNote = ApprovalHarness.TokenOf(await harness.Links.IssueAsync(ApprovalHarness.Request(id, "screening-1", "en") with { Purpose = "other" }, None));

        var page = await host.Browser.GetStringAsync(new Uri("approve/" + toHost, UriKind.Relative));
        var internalPage = await host.Browser.GetStringAsync(new Uri("approve/" + internalNote, UriKind.Relative));
        using var refused = await host.SubmitAsync(toHost, await host.OpenFormAsync(toHost), "not-suitable", "Ander document uploaden, BSN 123456782 klopt niet");
        using var kept = await host.SubmitAsync(internalNote, await host.OpenFormAsync(internalNote), "not-suitable", "BSN 123456782 staat in het dossier");

        page.Should().Contain("sent by email to the Host household as you write it");
        internalPage.Should().Contain("stays with the staff, the household does not see it");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("seems to hold a citizen service number");
        (await harness.Links.FindAsync(toHost, None)).State.Should().Be(ApprovalState.Open, "nothing was recorded");
        kept.StatusCode.Should().Be(HttpStatusCode.OK, "a note that stays with the staff may hold what the staff need");
    }
}
