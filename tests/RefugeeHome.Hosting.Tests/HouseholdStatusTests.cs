using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using RefugeeHome.Cases;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

/// <summary>
/// A household's own page, opened from the link in its emails: where it stands, whom to ask, a copy of its data and a
/// request for erasure; an address not signed for a household tells nothing.
/// </summary>
public sealed partial class HouseholdStatusTests
{
    private const string Host = "anke.e2e@example.org";
    private const string Supervisor = "supervisor@refugeehome.localhost";
    private const string Screener = "screening@refugeehome.localhost";

    [Fact]
    public async Task A_host_sees_where_it_stands_downloads_its_data_and_asks_once_for_erasure_even_when_clicking_twice()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var azurite = await JourneyEndToEndTests.OwnStorageAsync();
        await using var runner = await RunnerProcess.StartAsync(JourneyEndToEndTests.Settings(azurite), cancellation);
        using var browser = new JourneyBrowser(runner, "coordinator-test-key");
        await browser.SubmitFormAsync("register/host?lang=en", JourneyEndToEndTests.HostForm(DateOnly.FromDateTime(DateTime.UtcNow)));
        var welcome = await browser.EmailAsync(Host, "registration as a host household has been received");
        var hostId = welcome.HostId;
        await browser.EmailAsync(Screener, CaseNumbers.Of(hostId));

        using var opened = await browser.GetAsync(welcome.StatusLink);
        var page = await opened.Content.ReadAsStringAsync(cancellation);
        var form = await FormOfAsync(browser, welcome.StatusLink);
        using var export = await PostAsync(browser, welcome.StatusLink + "/export", form);
        using var exported = JsonDocument.Parse(await export.Content.ReadAsByteArrayAsync(cancellation));
        using var withoutForm = await PostAsync(browser, welcome.StatusLink + "/export", []);
        var clicks = await Task.WhenAll(PostAsync(browser, welcome.StatusLink + "/erasure", form), PostAsync(browser, welcome.StatusLink + "/erasure", form));
        var afterErasure = await clicks[0].Content.ReadAsStringAsync(cancellation);
        await browser.EmailAsync(Supervisor, "Verzoek om gegevens te wissen");
        using var reopened = await browser.GetAsync(welcome.StatusLink);
        var forgedLink = welcome.StatusLink[..^1] + (welcome.StatusLink[^1] == 'A' ? 'B' : 'A');
        using var forged = await browser.GetAsync(forgedLink);
        using var stranger = await browser.GetAsync($"status/host-{Guid.NewGuid():N}/{welcome.StatusLink.Split('/')[^1]}");
        var outbox = await browser.OutboxAsync();
        using var byCaseNumber = new HttpRequestMessage(HttpMethod.Get, new Uri("api/coordinator/cases/" + CaseNumbers.Of(hostId), UriKind.Relative));
        byCaseNumber.Headers.Add("X-Api-Key", "coordinator-test-key");
        using var coordinatorAnswer = await browser.SendAsync(byCaseNumber);

        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Should().Contain(CaseNumbers.Of(hostId)).And.Contain("A screener will contact you").And.Contain(Screener)
            .And.Contain("/approve/", "the household can withdraw from its own page").And.NotContain("Oudegracht");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        export.Content.Headers.ContentDisposition!.FileNameStar.Should().Be($"refugeehome-{CaseNumbers.Of(hostId)}.json");
        exported.RootElement.GetProperty("caseNumber").GetString().Should().Be(CaseNumbers.Of(hostId));
        exported.RootElement.GetRawText().Should().Contain("Oudegracht", "the copy holds everything the household gave");
        withoutForm.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        clicks.Select(click => click.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        afterErasure.Should().Contain("You have asked for your data to be erased");
        (await reopened.Content.ReadAsStringAsync(cancellation)).Should().Contain("You have asked for your data to be erased");
        outbox.Where(email => email.To == Supervisor && email.Subject.Contains("Verzoek om gegevens te wissen", StringComparison.Ordinal))
            .Should().ContainSingle("a double click asks once").Which.Html.Should().Contain(CaseNumbers.Of(hostId)).And.NotContain("Anke");
        coordinatorAnswer.StatusCode.Should().Be(HttpStatusCode.NotFound, await coordinatorAnswer.Content.ReadAsStringAsync(cancellation));
        forged.StatusCode.Should().Be(HttpStatusCode.NotFound);
        stranger.StatusCode.Should().Be(HttpStatusCode.NotFound);
        WithoutAddress(await stranger.Content.ReadAsStringAsync(cancellation)).Should()
            .Be(WithoutAddress(await forged.Content.ReadAsStringAsync(cancellation)), "nobody learns from the page whether a household is registered");
        foreach (var click in clicks)
        {
            click.Dispose();
        }
    }

    // The language switch links back to the address asked for; the rest of the page is what differs, if anything.
    private static string WithoutAddress(string page) => StatusAddress().Replace(page, "status/…");

    // Both forms on the page carry the same antiforgery field; a browser sends the one of the form it submits.
    private static async Task<List<KeyValuePair<string, string>>> FormOfAsync(JourneyBrowser browser, string link) =>
        (await browser.OpenFormAsync(link)).DistinctBy(field => field.Key).ToList();

    [GeneratedRegex("status/[a-z]+-[0-9a-f]{32}/[A-Za-z0-9._-]+")]
    private static partial Regex StatusAddress();

    private static async Task<HttpResponseMessage> PostAsync(JourneyBrowser browser, string link, List<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(link, content);
    }
}
