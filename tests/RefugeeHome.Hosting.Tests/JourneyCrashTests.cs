using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

public sealed class JourneyCrashTests
{
    private const string Host = "bram.crash@example.org";
    private const string Screener = "screening@refugeehome.localhost";
    private const string Matcher = "matching@refugeehome.localhost";
    private const string Connector = "connector@refugeehome.localhost";

    [Fact]
    public async Task Killing_the_runner_in_the_middle_of_the_journey_loses_nothing_and_sends_no_email_twice()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var azurite = await JourneyEndToEndTests.OwnStorageAsync();
        var settings = JourneyEndToEndTests.Settings(azurite);
        var runner = await RunnerProcess.StartAsync(settings, cancellation);
        var browser = new JourneyBrowser(runner, "coordinator-test-key");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var hostResponse = await browser.PostJsonAsync("api/hosts", new
        {
            submissionId = Guid.NewGuid().ToString(), language = "en", firstName = "Bram", lastName = "Jansen", email = Host, phone = "+31 6 2345 6789",
            street = "Lange Nieuwstraat", houseNumber = "3", postcode = "3512 PA", municipality = "Utrecht", capacity = 5,
            availableFrom = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), acceptsChildren = true, acceptedPets = new[] { "Cat", "Dog" },
            languages = new[] { "nl", "en", "ru" },
        });
        var hostId = (await hostResponse.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetString()!;
        (await browser.AnswerAsync((await browser.EmailAsync(Screener, "Screening")).Links[0], "suitable", ("childSafety", "yes"))).Status.Should().Be(HttpStatusCode.OK);
        (await browser.UploadAsync((await browser.EmailAsync(Host, "upload your VOG")).Links[0], JourneyEndToEndTests.Pdf, "vog.pdf")).Status.Should().Be(HttpStatusCode.OK);

        // The approval starts the step that offers the host and sends two emails; the runner dies while it runs.
        (await browser.AnswerAsync((await browser.EmailAsync(Screener, "VOG controleren")).Links[0], "approve")).Status.Should().Be(HttpStatusCode.OK);
        (runner, browser) = await RestartAsync(runner, browser, settings);
        await browser.StageAsync(hostId, "Available");
        using var guestResponse = await browser.PostJsonAsync("api/guests", new
        {
            submissionId = Guid.NewGuid().ToString(), language = "ru", caseworkerEmail = "consulent.crash@utrecht.example", municipality = "Utrecht",
            eligibilityRecorded = true, contactEmail = "irina.crash@example.org", members = new object[] { new { age = 41 }, new { age = 12, custody = "ParentInHousehold", custodianIndex = 0 } },
        });
        var guestId = (await guestResponse.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetString()!;
        await browser.StageAsync(guestId, "Waiting");
        await browser.StartMatchingRoundAsync();

        // The matcher's approval starts the placement; the runner dies again while it reserves, signals and emails.
        (await browser.AnswerAsync((await browser.EmailAsync(Matcher, "Koppelvoorstellen")).Links[0], hostId)).Status.Should().Be(HttpStatusCode.OK);
        (runner, browser) = await RestartAsync(runner, browser, settings);
        var schedule = await browser.EmailAsync(Connector, "Kennismaking plannen");
        (await browser.AnswerAsync(schedule.Links[0], "scheduled", ("date", today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))
            .Status.Should().Be(HttpStatusCode.OK);
        await browser.EmailAsync(Connector, "Uitkomst kennismaking");
        var hostCase = await browser.StageAsync(hostId, "Hosting");
        var guestCase = await browser.StageAsync(guestId, "Placement");
        var outbox = await browser.OutboxAsync();
        browser.Dispose();
        await runner.DisposeAsync();

        hostCase.GetProperty("record").GetProperty("status").GetString().Should().Be("Hosting");
        guestCase.GetProperty("record").GetProperty("status").GetString().Should().Be("Matched");
        outbox.Where(email => email.To is Host or "irina.crash@example.org" or Screener or Matcher or Connector)
            .GroupBy(email => (email.To, email.Subject)).Should().AllSatisfy(group => group.Should().ContainSingle("every email is sent once, across two crashes"));
        outbox.Select(email => email.Subject).Should().Contain(subject => subject.StartsWith("You are available", StringComparison.Ordinal))
            .And.Contain(subject => subject.StartsWith("Найдена принимающая семья", StringComparison.Ordinal) || subject.StartsWith("Для вас найдена", StringComparison.Ordinal))
            .And.Contain(subject => subject.StartsWith("A guest household has been found", StringComparison.Ordinal));
    }

    private static async Task<(RunnerProcess, JourneyBrowser)> RestartAsync(RunnerProcess runner, JourneyBrowser browser, Dictionary<string, string> settings)
    {
        browser.Dispose();
        await runner.DisposeAsync();
        var restarted = await RunnerProcess.StartAsync(settings, TestContext.Current.CancellationToken);
        return (restarted, new JourneyBrowser(restarted, "coordinator-test-key"));
    }
}
