using System.Net;
using System.Text.Json;
using AwesomeAssertions;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

public sealed class RunnerProcessTests
{
    [Fact]
    public async Task Starts_its_own_emulator_answers_health_only_by_its_own_names_and_stops_both_on_ctrl_c()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var dataFolder = Directory.CreateTempSubdirectory("refugeehome-runner-");
        var (settings, ports) = JourneyEndToEndTests.WithItsOwnEmulator(dataFolder.FullName);

        await using var runner = await RunnerProcess.StartAsync(settings, cancellation);
        using var http = HealthClient(runner);
        var (status, health) = await HealthWhenSettledAsync(http, cancellation);
        var leases = await OwnedPartitionsWhenSettledAsync(http, cancellation);
        using var byName = new HttpRequestMessage(HttpMethod.Get, new Uri("health", UriKind.Relative)) { Headers = { Host = $"localhost:{runner.BaseAddress.Port}" } };
        using var byAnotherName = new HttpRequestMessage(HttpMethod.Get, new Uri("health", UriKind.Relative)) { Headers = { Host = "rebound.example" } };
        using var answeredByName = await http.SendAsync(byName, cancellation);
        using var answeredByAnotherName = await http.SendAsync(byAnotherName, cancellation);

        status.Should().Be(HttpStatusCode.OK, health.ToString());
        var storage = health.GetProperty("checks").GetProperty("storage").GetProperty("details");
        storage.GetProperty("tables").GetString().Should().Be("reachable");
        storage.GetProperty("blobs").GetString().Should().Be("reachable");
        storage.GetProperty("failedRequests").GetInt32().Should().Be(0);
        answeredByName.StatusCode.Should().Be(HttpStatusCode.OK);
        answeredByAnotherName.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a page elsewhere cannot reach the runner by a name that points here");
        leases.Owned.Should().Be(leases.Partitions, "a lone runner takes every control partition");

        // The runner gives its engine the host's 30 s to stop and its emulator 10 s more.
        await runner.InterruptAsync(TimeSpan.FromSeconds(60));
        runner.ExitCode.Should().Be(0, runner.Output);
        (await LoopbackPorts.IsListeningAsync(ports[2], cancellation)).Should().BeFalse("the emulator the runner started stops with it");
        dataFolder.Delete(recursive: true);
    }

    [Fact]
    public async Task Ctrl_c_stops_the_runner_even_when_its_storage_has_gone()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var azurite = await JourneyEndToEndTests.OwnStorageAsync();
        await using var runner = await RunnerProcess.StartAsync(JourneyEndToEndTests.Settings(azurite), cancellation);
        using var http = HealthClient(runner);
        await OwnedPartitionsWhenSettledAsync(http, cancellation);

        await azurite.DisposeAsync();
        await runner.InterruptAsync(TimeSpan.FromSeconds(60));

        runner.ExitCode.Should().Be(0, runner.Output);
        runner.Output.Should().Contain("did not stop in time", "the engine could not hand back its leases, and the runner said so");
    }

    [Fact]
    public async Task Reports_unhealthy_storage_with_503_and_tells_what_failed_only_to_key_holders()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;" +
                $"BlobEndpoint=http://localhost.invalid:{LoopbackPorts.Free()}/a;TableEndpoint=http://localhost.invalid:{LoopbackPorts.Free()}/a;",
            ["Coordinator__ApiKey"] = JourneyEndToEndTests.CoordinatorKey,
        };

        await using var runner = await RunnerProcess.StartAsync(settings, cancellation);
        using var keyHolder = HealthClient(runner);
        using var anybody = new HttpClient { BaseAddress = runner.BaseAddress };
        using var detailed = await keyHolder.GetAsync(new Uri("health", UriKind.Relative), cancellation);
        using var plain = await anybody.GetAsync(new Uri("health", UriKind.Relative), cancellation);

        detailed.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await detailed.Content.ReadAsStringAsync(cancellation)).Should().Contain("unreachable");
        plain.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await plain.Content.ReadAsStringAsync(cancellation)).Should().Be("""{"status":"Unhealthy"}""", "what failed and how is for key holders");
    }

    /// <summary>A client of the runner's health check that sends the coordinator's key, so it reads every check's details.</summary>
    internal static HttpClient HealthClient(RunnerProcess runner) =>
        new() { BaseAddress = runner.BaseAddress, DefaultRequestHeaders = { { "X-Api-Key", JourneyEndToEndTests.CoordinatorKey } } };

    /// <summary>The partitions the runner's engine holds and the task hub's partitions, once it holds them all or 60 seconds have passed.</summary>
    private static async Task<(int Owned, int Partitions)> OwnedPartitionsWhenSettledAsync(HttpClient http, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var leases = await LeasesAsync(http, cancellation);
            if (leases.Owned == leases.Partitions || DateTime.UtcNow > deadline)
            {
                return leases;
            }

            await Task.Delay(500, cancellation);
        }
    }

    /// <summary>The partitions the runner's engine holds now, and the task hub's partitions, as its health report tells.</summary>
    internal static async Task<(int Owned, int Partitions)> LeasesAsync(HttpClient http, CancellationToken cancellation)
    {
        var (_, health) = await HealthWhenSettledAsync(http, cancellation);
        var engine = health.GetProperty("checks").GetProperty("workflowEngine").GetProperty("details");
        return (int.Parse(engine.GetProperty("ownedPartitions").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(engine.GetProperty("partitions").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    // The engine starts in the background; give it a few seconds to start.
    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthWhenSettledAsync(HttpClient http, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await http.GetAsync(new Uri("health", UriKind.Relative), cancellation);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation)).RootElement.Clone();
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(200, cancellation);
        }
    }
}
