using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using RefugeeHome.Cases;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

/// <summary>
/// The whole journey of a host household and a guest family through the local runner, over HTTP only, as the people
/// involved would walk it: forms, emailed links, the VOG upload, the match, the introduction, three months and an
/// extension, and the departure. Each journey test has an emulator of its own: the matching pool and the outbox are
/// shared by everyone who uses the storage account.
/// </summary>
public sealed partial class JourneyEndToEndTests
{
    internal const string CoordinatorKey = "coordinator-test-key";
    private const string Host = "anke.e2e@example.org";
    private const string Guest = "olena.e2e@example.org";
    private const string Caseworker = "consulent.e2e@utrecht.example";
    private const string Screener = "screening@refugeehome.localhost";
    private const string Matcher = "matching@refugeehome.localhost";
    private const string Connector = "connector@refugeehome.localhost";
    private const string Supporter = "support@refugeehome.localhost";

    internal static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    internal static Task<AzuriteProcess> OwnStorageAsync() =>
        AzuriteProcess.StartAsync(RepositoryRoot.Find(), AzuriteOptions.InMemoryOnFreePorts(), TestContext.Current.CancellationToken);

    /// <summary>
    /// The runner on <paramref name="azurite"/> with a placement that takes under a minute: a calendar day lasts a tenth
    /// of a second, so a move-in two days ahead comes at once and three months of extension last nine seconds. Reminders
    /// keep their days, so nobody is reminded while the test walks, and rounds of matching start only when the test asks.
    /// Work a killed runner had taken comes back after ten seconds.
    /// </summary>
    internal static Dictionary<string, string> Settings(AzuriteProcess azurite) => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Coordinator__ApiKey"] = CoordinatorKey,
        ["Approvals__SigningKey"] = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray()),
        ["Workflows__CalendarDay"] = "00:00:00.1",
        ["Workflows__VisitDueAfter"] = "00:01:00",
        ["Workflows__PlacementLength"] = "00:00:40",
        ["Workflows__ReviewLead"] = "00:00:30",
        ["Workflows__MatchingSchedule"] = "0 0 29 2 *",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval"] = "00:00:00.5",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__controlQueueVisibilityTimeout"] = "00:00:10",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__workItemQueueVisibilityTimeout"] = "00:00:10",
    };

    /// <summary>
    /// A runner that starts an emulator of its own on free ports and keeps its data in <paramref name="dataFolder"/>, as
    /// README's run command does with <c>.azurite/</c>; and the emulator's Blob, Queue and Table ports.
    /// </summary>
    internal static (Dictionary<string, string> Settings, int[] Ports) WithItsOwnEmulator(string dataFolder)
    {
        var ports = Enumerable.Range(0, 3).Select(_ => LoopbackPorts.Free()).ToArray();
        return (new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = AzuriteProcess.ConnectionStringFor(ports[0], ports[1], ports[2]),
            ["Runner__StorageDataFolder"] = dataFolder,
            ["Coordinator__ApiKey"] = CoordinatorKey,
        }, ports);
    }

    [Fact]
    public async Task A_host_and_a_family_walk_the_whole_journey_through_the_runner()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var azurite = await OwnStorageAsync();
        await using var runner = await RunnerProcess.StartAsync(Settings(azurite), cancellation);
        using var browser = new JourneyBrowser(runner, CoordinatorKey);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var home = await browser.GetAsync("/");
        var homePage = await home.Content.ReadAsStringAsync(cancellation);

        // The host registers with the form, and sends it twice at once.
        var hostForm = (await browser.OpenFormAsync("register/host?lang=nl")).Concat(HostForm(today)).ToList();
        var sent = await Task.WhenAll(browser.PostFormAsync("register/host?lang=nl", hostForm), browser.PostFormAsync("register/host?lang=nl", hostForm));
        var ((registered, thanks), (_, again)) = (sent[0], sent[1]);
        var (invalid, invalidPage) = await browser.SubmitFormAsync("register/host?lang=en", [new("email", "not an email"), new("postcode", "12"), new("firstName", "Anke\r\nBcc: x@example.org")]);

        // The municipality registers the family in Dutch: two adults who read Ukrainian, a child in their custody, and a cat.
        using var guestResponse = await browser.RegisterGuestAsync(new
        {
            submissionId = Guid.NewGuid().ToString(), language = "nl", householdLanguage = "uk", caseworkerEmail = Caseworker, municipality = "Utrecht", eligibilityRecorded = true, privacyInformed = true,
            contactName = "Olena Kovalenko", contactEmail = Guest, pets = new[] { "Cat" }, languages = new[] { "uk", "en" },
            members = new object[] { new { age = 34 }, new { age = 36 }, new { age = 7, custody = "ParentInHousehold", custodianIndex = 0 } },
        });
        var guestId = (await guestResponse.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetString()!;

        // Screening, then the VOG: a photo and an empty file are refused, the PDF is taken.
        var screening = await browser.EmailAsync(Screener, "Screening");
        var hostId = (await browser.EmailAsync(Host, "aanmelding als gastgezin is ontvangen")).HostId;
        (await browser.AnswerAsync(screening.Links[0], "suitable", ("childSafety", "yes"))).Status.Should().Be(HttpStatusCode.OK);
        var vogLink = (await browser.EmailAsync(Host, "Upload uw VOG")).Links[0];
        var photo = await browser.UploadAsync(vogLink, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], "vog.pdf");
        var empty = await browser.UploadAsync(vogLink, [], "vog.pdf");
        var uploaded = await browser.UploadAsync(vogLink, Pdf, "Anke de Vries VOG.pdf");
        var check = await browser.EmailAsync(Screener, "VOG controleren");
        using var document = await browser.GetAsync(check.Links[0] + "/document");
        var documentBytes = await document.Content.ReadAsByteArrayAsync(cancellation);
        (await browser.AnswerAsync(check.Links[0], "approve")).Status.Should().Be(HttpStatusCode.OK);
        await browser.EmailAsync(Host, "beschikbaar");

        // The family registered before any host was available: the next round of matching, started by a coordinator
        // instead of the morning's, proposes the host.
        await browser.StageAsync(hostId, "Available");
        await browser.StageAsync(guestId, "Waiting");
        await browser.StartMatchingRoundAsync();

        // The matcher approves the proposal; the connector schedules and records the introduction.
        var proposals = await browser.EmailAsync(Matcher, "Koppelvoorstellen");
        var roundPage = RoundPage().Match(proposals.Html).Groups["url"].Value;
        var roundBefore = await (await browser.GetAsync(roundPage)).Content.ReadAsStringAsync(cancellation);
        using var forged = await browser.GetAsync(roundPage[..^4] + "AAAA");
        (await browser.AnswerAsync(proposals.Links[0], hostId)).Status.Should().Be(HttpStatusCode.OK);
        var roundAfter = await (await browser.GetAsync(roundPage)).Content.ReadAsStringAsync(cancellation);
        var introduction = today.AddDays(1);
        var moveIn = today.AddDays(2);
        (await browser.AnswerAsync((await browser.EmailAsync(Connector, "Kennismaking plannen")).Links[0], "scheduled", ("date", Day(introduction)), ("interpreter", "uk")))
            .Status.Should().Be(HttpStatusCode.OK);
        var scheduledForGuest = await browser.EmailAsync(Guest, "Знайомство");
        var outcomeLink = (await browser.EmailAsync(Connector, "Uitkomst kennismaking")).Links[0];
        var tooEarly = await browser.AnswerAsync(outcomeLink, "agreed", ("moveIn", Day(today)));
        (await browser.AnswerAsync(outcomeLink, "agreed", ("moveIn", Day(moveIn)))).Status.Should().Be(HttpStatusCode.OK);
        var placementId = (await browser.StageAsync(guestId, "Placement")).GetProperty("customStatus").GetProperty("placementId").GetString()!;

        // Move-in: the guests are reminded of the BRP, the host records a contribution, the supporter visits.
        var brp = await browser.EmailAsync(Guest, "BRP");
        var tooMuch = await browser.AnswerAsync((await browser.EmailAsync(Host, "Vrijwillige bijdrage")).Links[0], "record", ("amount", "600"));
        (await browser.AnswerAsync((await browser.EmailAsync(Host, "Vrijwillige bijdrage")).Links[0], "record", ("amount", "150"))).Status.Should().Be(HttpStatusCode.OK);
        (await browser.AnswerAsync((await browser.EmailAsync(Supporter, "Bezoek in de eerste week")).Links[0], "ok")).Status.Should().Be(HttpStatusCode.OK);
        await browser.EmailAsync(Guest, "Внесок записано");

        // Before the end both are asked; both extend by three months.
        (await browser.AnswerAsync((await browser.EmailAsync(Host, "Verlengen na")).Links[0], "extend", ("months", "3"))).Status.Should().Be(HttpStatusCode.OK);
        (await browser.AnswerAsync((await browser.EmailAsync(Guest, "Продовжити після")).Links[0], "extend")).Status.Should().Be(HttpStatusCode.OK);
        var extended = await browser.EmailAsync(Host, "Plaatsing verlengd");

        // At the next review nobody extends, and the placement ends on its end date.
        (await browser.AnswerAsync((await browser.EmailAsync(Host, "Verlengen na", 2)).Links[0], "end")).Status.Should().Be(HttpStatusCode.OK);
        (await browser.AnswerAsync((await browser.EmailAsync(Guest, "Продовжити після", 2)).Links[0], "end")).Status.Should().Be(HttpStatusCode.OK);
        await browser.EmailAsync(Host, "De plaatsing eindigt op");
        var endsForConnector = await browser.EmailAsync(Connector, $"Plaatsing {CaseNumbers.Of(placementId)} eindigt op");
        var departure = (await browser.EmailAsync(Connector, "Vertrek vastleggen")).Links[0];
        (await browser.AnswerAsync(departure, "own-housing")).Status.Should().Be(HttpStatusCode.OK);
        var municipality = await browser.EmailAsync(Caseworker, "Vertrek uit particuliere opvang");
        (await browser.AnswerAsync((await browser.EmailAsync(Host, "hoe wilt u verder")).Links[0], "retire")).Status.Should().Be(HttpStatusCode.OK);

        var hostCase = await browser.StageAsync(hostId, "Retired");
        var guestCase = await browser.StageAsync(guestId, "Departed");
        var placementCase = await browser.StageAsync(placementId, "Departed");

        // An answered link passes its answer on again when it is opened, also once its workflow has ended.
        await browser.EndedAsync(placementId);
        using var departureAfterTheEnd = await browser.GetAsync(departure);
        var departureAfterTheEndPage = await departureAfterTheEnd.Content.ReadAsStringAsync(cancellation);
        var outbox = await browser.OutboxAsync();
        using var anonymous = await new HttpClient { BaseAddress = runner.BaseAddress }.GetAsync(new Uri($"api/coordinator/cases/{hostId}", UriKind.Relative), cancellation);

        homePage.Should().Contain("href=\"/register/host\"").And.Contain("href=\"/register/guest\"").And.Contain("href=\"/?lang=uk\"").And.Contain("/dev/outbox");
        registered.Should().Be(HttpStatusCode.OK);
        thanks.Should().Contain("Uw aanmelding is ontvangen");
        again.Should().Contain("Uw aanmelding is ontvangen");
        invalid.Should().Be(HttpStatusCode.BadRequest);
        invalidPage.Should().Contain("must not contain a line break").And.Contain("Postcode").And.Contain("Email address");
        guestResponse.StatusCode.Should().Be(HttpStatusCode.Accepted);
        photo.Status.Should().Be(HttpStatusCode.BadRequest);
        photo.Page.Should().Contain("geen PDF");
        empty.Status.Should().Be(HttpStatusCode.BadRequest);
        uploaded.Status.Should().Be(HttpStatusCode.OK);
        document.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        documentBytes.Should().Equal(Pdf);
        proposals.Html.Should().Contain("Utrecht").And.NotContain("Oudegracht").And.NotContain("3511");
        roundBefore.Should().Contain(CaseNumbers.Of(guestId)).And.Contain($"Gastgezin {CaseNumbers.Of(hostId)}: Utrecht").And.Contain("Bekijken en goedkeuren").And.NotContain("Oudegracht");
        roundAfter.Should().Contain("goedgekeurd").And.NotContain("Bekijken en goedkeuren");
        endsForConnector.Html.Should().Contain("Bespreek het vertrek met het gastgezin en de gasten").And.NotContain("met u het vertrek");
        forged.StatusCode.Should().Be(HttpStatusCode.NotFound);
        scheduledForGuest.Html.Should().Contain(Day(introduction)).And.Contain("Українська");
        tooEarly.Status.Should().Be(HttpStatusCode.BadRequest);
        tooEarly.Page.Should().Contain("Verhuisdatum: deze datum ligt te vroeg.");
        brp.Html.Should().Contain("BRP");
        tooMuch.Status.Should().Be(HttpStatusCode.BadRequest);
        tooMuch.Page.Should().Contain("woonkostencomponent");
        extended.Html.Should().Contain(Day(moveIn.AddDays(400).AddMonths(3)), "40 seconds of placement are 400 calendar days of a tenth of a second, and three months are added to its end");
        municipality.Html.Should().Contain("Bestemming: Eigen woonruimte");
        departureAfterTheEnd.StatusCode.Should().Be(HttpStatusCode.OK, "a workflow that has ended drops the answer passed on again");
        departureAfterTheEndPage.Should().Contain("Eigen woonruimte", "the page says which answer was recorded");
        hostCase.GetProperty("record").GetProperty("status").GetString().Should().Be("Retired");
        guestCase.GetProperty("record").GetProperty("status").GetString().Should().Be("Departed");
        placementCase.GetProperty("record").GetProperty("Destination").GetString().Should().Be("own-housing");
        placementCase.GetProperty("record").GetProperty("Visit").GetString().Should().Be("ok");
        placementCase.GetProperty("record").GetProperty("Contribution").GetString().Should().Be("150");
        placementCase.GetProperty("record").GetProperty("Extensions").GetString().Should().Be("1");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        outbox.Where(email => email.To == Host).Select(email => email.Subject).Should().ContainSingle(subject => subject.Contains("aanmelding als gastgezin is ontvangen"), "the form sent twice started one journey");
        outbox.GroupBy(email => (email.To, email.Subject, email.Html)).Should().AllSatisfy(group => group.Should().ContainSingle("every email is sent once"));
        outbox.Where(email => email.Html.Contains("Oudegracht", StringComparison.Ordinal)).Select(email => email.To).Distinct()
            .Should().Equal([Supporter], "only the supporter, who visits, is given the address");
    }

    internal static List<KeyValuePair<string, string>> HostForm(DateOnly today) =>
    [
        new("firstName", "Anke"), new("lastName", "de Vries"), new("email", Host), new("phone", "06 12345678"), new("street", "Oudegracht"),
        new("houseNumber", "12"), new("postcode", "3511 AB"), new("municipality", "Utrecht"), new("capacity", "4"),
        new("availableFrom", Day(today)), new("acceptsChildren", "true"), new("acceptedPets", "Cat"), new("languages", "nl"), new("languages", "en"),
        new("accommodation", "PrivateRoom"), new("privacyConsent", "true"),
    ];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("href=\"(?<url>http://127\\.0\\.0\\.1:[0-9]+/matching/[^\"]+)\"")]
    private static partial Regex RoundPage();
}
