using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using RefugeeHome.Cases;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

/// <summary>The runner's engine is Durable Functions' own: workers share a task hub, and an outage of storage only delays them.</summary>
public sealed class SharedTaskHubTests
{
    private const string Screener = "screening@refugeehome.localhost";

    [Fact]
    public async Task Two_runners_on_one_task_hub_share_its_partitions_and_its_journeys()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var azurite = await JourneyEndToEndTests.OwnStorageAsync();
        var settings = JourneyEndToEndTests.Settings(azurite);
        await using var first = await RunnerProcess.StartAsync(settings, cancellation);
        await using var second = await RunnerProcess.StartAsync(settings, cancellation);
        using var firstBrowser = new JourneyBrowser(first, "coordinator-test-key");
        using var secondBrowser = new JourneyBrowser(second, "coordinator-test-key");

        var shares = await SharedPartitionsAsync(first, second, cancellation);
        var hosts = await Task.WhenAll(Enumerable.Range(0, 12).Select(index =>
            RegisterHostAsync(index % 2 == 0 ? firstBrowser : secondBrowser, $"host{index}.shared@example.org")));
        foreach (var (email, _) in hosts)
        {
            await firstBrowser.EmailAsync(email, "registration as a host household has been received");
        }

        var outbox = await secondBrowser.OutboxAsync();

        shares.Should().AllSatisfy(owned => owned.Should().BePositive("each runner works on a share of the task hub"));
        shares.Sum().Should().Be(4, "together they hold every partition of the task hub");
        hosts.Select(host => host.Id).Should().OnlyHaveUniqueItems();
        foreach (var (email, id) in hosts)
        {
            outbox.Where(sent => sent.To == email).Should().ContainSingle("each journey sends its welcome once");
            outbox.Where(sent => sent.To == Screener && sent.Subject.EndsWith(CaseNumbers.Of(id), StringComparison.Ordinal)).Should().ContainSingle();
        }
    }

    [Fact]
    public async Task A_runner_whose_storage_stops_refuses_what_it_cannot_keep_and_carries_on_with_its_journeys_when_storage_comes_back()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("refugeehome-outage-");
        var storage = new AzuriteOptions { BlobPort = LoopbackPorts.Free(), QueuePort = LoopbackPorts.Free(), TablePort = LoopbackPorts.Free(), DataFolder = folder.FullName };
        var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), storage, cancellation);
        var settings = JourneyEndToEndTests.Settings(azurite);
        await using var runner = await RunnerProcess.StartAsync(settings, cancellation);
        using var browser = new JourneyBrowser(runner, "coordinator-test-key");
        using var health = new HttpClient { BaseAddress = runner.BaseAddress };
        var (email, hostId) = await RegisterHostAsync(browser, "outage@example.org");
        var screening = await browser.EmailAsync(Screener, CaseNumbers.Of(hostId));

        await azurite.DisposeAsync();
        var duringOutage = await HealthAsync(health, HttpStatusCode.ServiceUnavailable, cancellation);
        var lateRegistration = HostRegistration("late@example.org");
        using var refused = await health.SendAsync(InUkrainian(JsonContent.Create(lateRegistration)), cancellation);
        var refusal = await refused.Content.ReadFromJsonAsync<JsonElement>(cancellation);
        await using var restarted = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), storage, cancellation);
        var afterOutage = await HealthAsync(health, HttpStatusCode.OK, cancellation);
        var answered = await browser.AnswerAsync(screening.Links[0], "suitable", ("childSafety", "yes"));
        using var sentAgain = await health.SendAsync(InUkrainian(JsonContent.Create(lateRegistration)), cancellation);
        await browser.EmailAsync(email, "upload your VOG");
        await browser.EmailAsync("late@example.org", "registration as a host household has been received");
        var outbox = await browser.OutboxAsync();

        duringOutage.Should().Be(HttpStatusCode.ServiceUnavailable, "health tells that storage is gone");
        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "a registration storage cannot keep is refused as such, not with a bare 500");
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromMinutes(1));
        refusal.GetProperty("error").GetString().Should().Contain("надішліть знову", "the registrant is told in their language to send again");
        afterOutage.Should().Be(HttpStatusCode.OK);
        answered.Status.Should().Be(HttpStatusCode.OK);
        sentAgain.StatusCode.Should().Be(HttpStatusCode.Accepted, "what was refused during the outage is taken when sent again");
        runner.Output.Should().NotContain("An unhandled exception has occurred while executing the request", "the outage is logged when it begins and ends, not with every request it refuses");
        outbox.GroupBy(sent => (sent.To, sent.Subject)).Should().AllSatisfy(group => group.Should().ContainSingle("nothing is sent twice across the outage"));
        folder.Delete(recursive: true);
    }

    private static int s_households;

    private static async Task<(string Email, string Id)> RegisterHostAsync(JourneyBrowser browser, string email)
    {
        using var response = await browser.PostJsonAsync("api/hosts", HostRegistration(email));
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (email, (await browser.EmailAsync(email, "registration as a host household has been received")).HostId);
    }

    private static object HostRegistration(string email)
    {
        // Each household its own address and phone: one that matched another would be the same household registered again.
        var household = Interlocked.Increment(ref s_households);
        return HostRegistrations.Body(
            email, "+31 6 " + (20_000_000 + household).ToString(CultureInfo.InvariantCulture), household.ToString(CultureInfo.InvariantCulture));
    }

    private static HttpRequestMessage InUkrainian(HttpContent registration) =>
        new(HttpMethod.Post, "api/hosts") { Content = registration, Headers = { { "Accept-Language", "uk" } } };

    // Partitions move to a new worker as the first one lets them go, which takes a few lease renewals.
    private static async Task<int[]> SharedPartitionsAsync(RunnerProcess first, RunnerProcess second, CancellationToken cancellation)
    {
        using var firstHealth = RunnerProcessTests.HealthClient(first);
        using var secondHealth = RunnerProcessTests.HealthClient(second);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var shares = new[] { (await RunnerProcessTests.LeasesAsync(firstHealth, cancellation)).Owned, (await RunnerProcessTests.LeasesAsync(secondHealth, cancellation)).Owned };
            if ((shares.All(owned => owned > 0) && shares.Sum() == 4) || DateTime.UtcNow > deadline)
            {
                return shares;
            }

            await Task.Delay(1000, cancellation);
        }
    }

    private static async Task<HttpStatusCode> HealthAsync(HttpClient http, HttpStatusCode wanted, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await http.GetAsync(new Uri("health", UriKind.Relative), cancellation);
            if (response.StatusCode == wanted || DateTime.UtcNow > deadline)
            {
                return response.StatusCode;
            }

            await Task.Delay(500, cancellation);
        }
    }
}
