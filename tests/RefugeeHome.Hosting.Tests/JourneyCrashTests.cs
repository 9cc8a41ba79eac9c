using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using RefugeeHome.Hosting.LocalStorage;
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
        await using var runner = await KillableRunner.StartAsync(settings);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var hostResponse = await runner.Browser.PostJsonAsync("api/hosts", new
        {
            submissionId = Guid.NewGuid().ToString(), language = "en", firstName = "Bram", lastName = "Jansen", email = Host, phone = "+31 6 2345 6789",
            street = "Lange Nieuwstraat", houseNumber = "3", postcode = "3512 PA", municipality = "Utrecht", capacity = 5, privacyConsent = true,
            availableFrom = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), acceptsChildren = true, acceptedPets = new[] { "Cat", "Dog" },
            languages = new[] { "nl", "en", "ru" },
        });
        var hostId = (await runner.Browser.EmailAsync(Host, "registration as a host household has been received")).HostId;
        (await runner.Browser.AnswerAsync((await runner.Browser.EmailAsync(Screener, "Screening")).Links[0], "suitable", ("childSafety", "yes"))).Status.Should().Be(HttpStatusCode.OK);
        (await runner.Browser.UploadAsync((await runner.Browser.EmailAsync(Host, "upload your VOG")).Links[0], JourneyEndToEndTests.Pdf, "vog.pdf")).Status.Should().Be(HttpStatusCode.OK);

        // The approval starts the step that offers the host and sends two emails; the runner dies while it runs.
        (await runner.Browser.AnswerAsync((await runner.Browser.EmailAsync(Screener, "VOG controleren")).Links[0], "approve")).Status.Should().Be(HttpStatusCode.OK);
        await runner.KillAndRestartAsync();
        await runner.Browser.StageAsync(hostId, "Available");
        using var guestResponse = await runner.Browser.RegisterGuestAsync(new
        {
            submissionId = Guid.NewGuid().ToString(), language = "ru", householdLanguage = "ru", caseworkerEmail = "consulent.crash@utrecht.example", municipality = "Utrecht",
            eligibilityRecorded = true, privacyInformed = true, contactName = "Irina Crash", contactEmail = "irina.crash@example.org", members = new object[] { new { age = 41 }, new { age = 12, custody = "ParentInHousehold", custodianIndex = 0 } },
        });
        var guestId = (await guestResponse.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetString()!;
        await runner.Browser.StageAsync(guestId, "Waiting");
        await runner.Browser.StartMatchingRoundAsync();

        // The matcher's approval starts the placement; the runner dies again while it reserves, signals and emails.
        (await runner.Browser.AnswerAsync((await runner.Browser.EmailAsync(Matcher, "Koppelvoorstellen")).Links[0], hostId)).Status.Should().Be(HttpStatusCode.OK);
        await runner.KillAndRestartAsync();
        var schedule = await runner.Browser.EmailAsync(Connector, "Kennismaking plannen");
        (await runner.Browser.AnswerAsync(schedule.Links[0], "scheduled", ("date", today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))
            .Status.Should().Be(HttpStatusCode.OK);
        await runner.Browser.EmailAsync(Connector, "Uitkomst kennismaking");
        var hostCase = await runner.Browser.StageAsync(hostId, "Matched");
        var guestCase = await runner.Browser.StageAsync(guestId, "Placement");
        var outbox = await runner.Browser.OutboxAsync();

        hostCase.GetProperty("record").GetProperty("status").GetString().Should().Be("Matched", "the guests have not moved in yet");
        guestCase.GetProperty("record").GetProperty("status").GetString().Should().Be("Matched");
        outbox.Where(email => email.To is Host or "irina.crash@example.org" or Screener or Matcher or Connector)
            .GroupBy(email => (email.To, email.Subject)).Should().AllSatisfy(group => group.Should().ContainSingle("every email is sent once, across two crashes"));
        outbox.Select(email => email.Subject).Should().Contain(subject => subject.StartsWith("You are available", StringComparison.Ordinal))
            .And.Contain(subject => subject.StartsWith("Найдена принимающая семья", StringComparison.Ordinal) || subject.StartsWith("Для вас найдена", StringComparison.Ordinal))
            .And.Contain(subject => subject.StartsWith("A guest household has been found", StringComparison.Ordinal));
    }

    /// <summary>A runner that the test kills and starts again, and a browser on whichever runs; whatever runs is killed when the test ends.</summary>
    [Fact]
    public async Task A_runner_killed_alone_leaves_its_emulator_to_save_every_registration_it_had_answered()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var dataFolder = Directory.CreateTempSubdirectory("refugeehome-killed-");
        var (settings, ports) = JourneyEndToEndTests.WithItsOwnEmulator(dataFolder.FullName);
        await using var runner = await RunnerProcess.StartAsync(settings, cancellation);
        using (var browser = new JourneyBrowser(runner, JourneyEndToEndTests.CoordinatorKey))
        {
            foreach (var number in Enumerable.Range(1, 3))
            {
                using var response = await browser.PostJsonAsync("api/hosts", HostRegistrations.Body($"kept{number}@example.org", $"06 5555000{number}", $"{number}"));
                response.StatusCode.Should().Be(HttpStatusCode.Accepted);
            }
        }

        // SIGKILL to the runner alone, the moment it answered: its emulator sees it gone and stops by itself.
        using (var killed = System.Diagnostics.Process.GetProcessById(runner.ProcessId))
        {
            killed.Kill(entireProcessTree: false);
        }

        await WaitUntilStoppedAsync(dataFolder.FullName, cancellation);
        await using (var storage = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), new AzuriteOptions
        {
            BlobPort = ports[0], QueuePort = ports[1], TablePort = ports[2], DataFolder = dataFolder.FullName,
        }, cancellation))
        {
            var journeys = new Azure.Data.Tables.TableServiceClient(storage.ConnectionString).GetTableClient("RefugeeHomeInstances")
                .QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey ge {"host-"} and PartitionKey lt {"host."}"), cancellationToken: cancellation);
            (await journeys.CountAsync(cancellation)).Should().Be(3, "every registration the killed runner had answered was kept, with its journey's start");
        }

        dataFolder.Delete(recursive: true);
    }

    [Theory]
    [InlineData(HostAfterwards.SendsThePageAgain)]
    [InlineData(HostAfterwards.OpensTheLinkAgain)]
    [InlineData(HostAfterwards.NeverComesBack)]
    public async Task An_upload_the_link_recorded_but_the_workflow_never_heard_of_reaches_it(HostAfterwards afterwards)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var azurite = await JourneyEndToEndTests.OwnStorageAsync();
        var settings = JourneyEndToEndTests.Settings(azurite);

        // Otherwise the sweep waits two minutes, longer than the test waits for the screener's email: what the host does
        // is then the only way the upload can reach the journey.
        if (afterwards == HostAfterwards.NeverComesBack)
        {
            settings["Approvals__PassOnUnheardAfter"] = "00:00:02";
        }

        await using var runner = await RunnerProcess.StartAsync(settings, cancellation);
        using var browser = new JourneyBrowser(runner, JourneyEndToEndTests.CoordinatorKey);
        using var registered = await browser.PostJsonAsync("api/hosts", HostRegistrations.Body("ilse.upload@example.org", "06 55550009", "9"));
        registered.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var hostId = (await browser.EmailAsync("ilse.upload@example.org", "registration as a host household has been received")).HostId;
        (await browser.AnswerAsync((await browser.EmailAsync(Screener, "Screening")).Links[0], "suitable", ("childSafety", "yes"))).Status.Should().Be(HttpStatusCode.OK);
        var upload = (await browser.EmailAsync("ilse.upload@example.org", "upload your VOG")).Links[0];
        var openPage = await browser.OpenUploadAsync(upload);

        // What a runner that died between recording the upload on its link and telling the workflow leaves behind: the
        // answer on the link, still marked unheard.
        var approvals = new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString).GetTableClient("Approvals");
        var link = await approvals.QueryAsync<Azure.Data.Tables.TableEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"InstanceId eq {hostId} and Page eq {"upload"}"), cancellationToken: cancellation).SingleAsync(cancellation);
        await approvals.AddEntityAsync(new Azure.Data.Tables.TableEntity("unheard", link.RowKey) { ["RecordedAt"] = DateTimeOffset.UtcNow }, cancellation);
        link["Answer"] = JsonDocument.Parse(link.GetString("Choices")!).RootElement[0].GetProperty("value").GetString();
        link["AnsweredAt"] = DateTimeOffset.UtcNow;
        link["AnswerId"] = "the-runner-died-here";
        await approvals.UpdateEntityAsync(link, link.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cancellation);

        var status = afterwards switch
        {
            HostAfterwards.SendsThePageAgain => (await browser.SendUploadAsync(upload, openPage, JourneyEndToEndTests.Pdf, "vog.pdf")).Status,
            HostAfterwards.OpensTheLinkAgain => (await browser.GetAsync(upload)).StatusCode,
            _ => HttpStatusCode.OK,
        };
        var check = await browser.EmailAsync(Screener, "VOG controleren");

        status.Should().Be(HttpStatusCode.OK);
        check.Subject.Should().Contain(RefugeeHome.Cases.CaseNumbers.Of(hostId), "the host's journey heard of the upload and asks the screener to check it");
    }

    /// <summary>What the host does after the runner died with the upload recorded on its link.</summary>
    public enum HostAfterwards
    {
        /// <summary>Sends the upload page still open in the browser again.</summary>
        SendsThePageAgain,

        /// <summary>Opens the link from the email once more.</summary>
        OpensTheLinkAgain,

        /// <summary>Does nothing more: the sweep of unheard answers passes it on.</summary>
        NeverComesBack,
    }

    // Until no emulator keeps its data in the folder: one that stops saves its tables after it stopped listening.
    private static async Task WaitUntilStoppedAsync(string dataFolder, CancellationToken cancellation)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Directory.EnumerateDirectories("/proc").Any(process => CommandLineOf(process).Contains(dataFolder, StringComparison.Ordinal)))
        {
            waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the emulator stops once the runner that started it is gone");
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
        }
    }

    private static string CommandLineOf(string process)
    {
        try
        {
            return File.ReadAllText(Path.Combine(process, "cmdline"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Not a process, or one that ended while it was read.
            return "";
        }
    }

    private sealed class KillableRunner(Dictionary<string, string> settings) : IAsyncDisposable
    {
        private RunnerProcess? _process;

        public JourneyBrowser Browser { get; private set; } = null!;

        public static async Task<KillableRunner> StartAsync(Dictionary<string, string> settings)
        {
            var runner = new KillableRunner(settings);
            await runner.StartAsync();
            return runner;
        }

        /// <summary>Kills the runner (SIGKILL), whatever it is doing, and starts another on the same storage.</summary>
        public async Task KillAndRestartAsync()
        {
            await DisposeAsync();
            await StartAsync();
        }

        public async ValueTask DisposeAsync()
        {
            Browser?.Dispose();
            if (_process is not null)
            {
                await _process.DisposeAsync();
                _process = null;
            }
        }

        private async Task StartAsync()
        {
            _process = await RunnerProcess.StartAsync(settings, TestContext.Current.CancellationToken);
            Browser = new JourneyBrowser(_process, "coordinator-test-key");
        }
    }
}
