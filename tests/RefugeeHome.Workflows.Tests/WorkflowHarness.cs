using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RefugeeHome.Approvals;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Matching;
using RefugeeHome.Registrations;
using RefugeeHome.Storage;
using RefugeeHome.Testing;
using RefugeeHome.Triggers;
using RefugeeHome.Workflows.Matching;
using SendGrid;

namespace RefugeeHome.Workflows.Tests;

/// <summary>
/// The workflows on the Durable Task SDK's in-process test host (real replay, real timers, in-memory history), wired
/// by the same registrations the hosts use, against an Azurite of their own (the matching pool is shared by all
/// households, so tests must not share storage), with SendGrid's real client writing into a capture. Every duration
/// is a setting, so a test day lasts <see cref="Day"/>: a VOG that lapses after eight weeks lapses after eight days.
/// </summary>
internal sealed partial class WorkflowHarness : IAsyncDisposable
{
    /// <summary>How long a day of the journeys lasts in these tests.</summary>
    public static readonly TimeSpan Day = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly AzuriteProcess _azurite;
    private readonly DurableTaskTestHost _host;
    private int _rounds;

    private WorkflowHarness(AzuriteProcess azurite, DurableTaskTestHost host, SendGridCapture mail)
    {
        _azurite = azurite;
        _host = host;
        Mail = mail;
        Events = new WorkflowEvents(host.Client);
    }

    /// <summary>The settings the tests run the workflows with: the production ratios, one day to a <see cref="Day"/>.</summary>
    public static IReadOnlyDictionary<string, string?> TestSettings { get; } = new Dictionary<string, string?>
    {
        ["Workflows:ReminderAfter"] = Days(3),
        ["Workflows:EscalateAfter"] = Days(7),
        ["Workflows:VogDeadline"] = Days(8),
        ["Workflows:VogReminderEvery"] = Days(1),
        // An available host is asked about the offer only in the tests about that question (AvailabilityCheck): at four
        // test seconds, a slow machine would pause a host before the round of matching its test waits for.
        ["Workflows:AvailabilityCheckEvery"] = Days(365),
        ["Workflows:AvailabilityReminderAfter"] = Days(2),
        ["Workflows:OutcomeReminderAfterIntroduction"] = Days(2),
        ["Workflows:VisitDueAfter"] = Days(4),
        ["Workflows:PlacementLength"] = Days(14),
        ["Workflows:ReviewLead"] = Days(4),
        // Long enough for a test to read what an ended household left before retention deletes it.
        ["Workflows:RetainAfterEnd"] = Days(8),
        ["Workflows:CalendarDay"] = Days(1),

        // Rounds of matching start when a test asks, never on their own.
        ["Workflows:MatchingSchedule"] = "0 0 29 2 *",
    };

    public SendGridCapture Mail { get; }

    public DurableTaskClient Client => _host.Client;

    /// <summary>Answers reach the workflows as from the approval pages.</summary>
    public IWorkflowEvents Events { get; }

    /// <summary>The services the workflows and the console use.</summary>
    public IServiceProvider Services => _host.Services;

    public ApprovalLinks Links => _host.Services.GetRequiredService<ApprovalLinks>();

    public HostRegistry Hosts => _host.Services.GetRequiredService<HostRegistry>();

    public GuestRegistry Guests => _host.Services.GetRequiredService<GuestRegistry>();

    public MatchingPool Pool => _host.Services.GetRequiredService<MatchingPool>();

    public TableServiceClient Tables => _host.Services.GetRequiredService<TableServiceClient>();

    public RefugeeHome.Cases.CaseIndex Cases => _host.Services.GetRequiredService<RefugeeHome.Cases.CaseIndex>();

    public RefugeeHome.Cases.CaseTimeline Timeline => _host.Services.GetRequiredService<RefugeeHome.Cases.CaseTimeline>();

    public RefugeeHome.Statistics.HouseholdStatistics Statistics => _host.Services.GetRequiredService<RefugeeHome.Statistics.HouseholdStatistics>();

    /// <summary>Today, as the activities see it.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Starts the workflows; their storage requests go through <paramref name="faults"/> when given.</summary>
    public static async Task<WorkflowHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, StorageFaults? faults = null)
    {
        var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), AzuriteOptions.InMemoryOnFreePorts(), TestContext.Current.CancellationToken);
        var mail = new SendGridCapture();
        // A test's own settings are added last, so they win over the common ones.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Approvals:BaseUrl"] = "https://refugeehome.example/",
            ["Approvals:SigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["SendGrid:ApiKey"] = "test",
            ["SendGrid:From"] = "noreply@refugeehome.example",
        }.Concat(TestSettings)).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var host = await DurableTaskTestHost.StartAsync(registry => registry.AddWorkflows(), new DurableTaskTestHostOptions
        {
            Port = LoopbackPorts.Free(),
            ConfigureServices = services => services
                .AddSingleton(faults is null
                    ? new TableServiceClient(azurite.ConnectionString)
                    : new TableServiceClient(azurite.ConnectionString, new TableClientOptions { Transport = new HttpClientTransport(faults) }))
                .AddSingleton(faults is null
                    ? new BlobServiceClient(azurite.ConnectionString)
                    : new BlobServiceClient(azurite.ConnectionString, new BlobClientOptions { Transport = new HttpClientTransport(faults) }))
                .AddSingleton(TimeProvider.System)
                .AddSingleton<ISendGridClient>(new SendGridClient(new HttpClient(mail), new SendGridClientOptions { ApiKey = "test" }))
                .AddStatistics(configuration)
                .AddWorkflows(configuration),
        });
        await host.Services.InitializeStatisticsAsync(CancellationToken.None);
        await host.Services.InitializeWorkflowsAsync(CancellationToken.None);
        return new WorkflowHarness(azurite, host, mail);
    }

    /// <summary>The availability question at the production ratio, every four weeks; its reminder is in <see cref="TestSettings"/>.</summary>
    public static IReadOnlyDictionary<string, string?> AvailabilityCheck { get; } = new Dictionary<string, string?>
    {
        ["Workflows:AvailabilityCheckEvery"] = Days(4),
    };

    private static string Days(double days) => (Day * days).ToString("c", CultureInfo.InvariantCulture);

    public async Task<string> RegisterHostAsync(HostRegistration registration)
    {
        var result = await Hosts.RegisterAsync(registration, CancellationToken.None);
        await Client.StartOnceAsync(OrchestratorNames.HostJourney, result.HouseholdId, new HostJourneyInput(result.HouseholdId), CancellationToken.None);
        return result.HouseholdId;
    }

    public async Task<string> RegisterGuestAsync(GuestRegistration registration)
    {
        var result = await Guests.RegisterAsync(registration, CancellationToken.None);
        await Client.StartOnceAsync(OrchestratorNames.GuestIntake, result.HouseholdId, new GuestIntakeInput(result.HouseholdId), CancellationToken.None);
        return result.HouseholdId;
    }

    /// <summary>Emails sent so far: recipient, subject, HTML and when.</summary>
    public IReadOnlyList<SentEmail> Sent => Mail.Received.Select(received => SentEmail.From(received.At, received.Body)).ToList();

    /// <summary>Waits until an email to <paramref name="to"/> whose subject contains <paramref name="subject"/> has been sent <paramref name="count"/> times.</summary>
    public async Task<SentEmail> EmailAsync(string to, string subject, int count = 1)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var matching = Sent.Where(email => email.To == to && email.Subject.Contains(subject, StringComparison.Ordinal)).ToList();
            if (matching.Count >= count)
            {
                return matching[count - 1];
            }

            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"No email '{subject}' #{count} to {to}. Sent: {string.Join("; ", Sent.Select(email => $"{email.To}: {email.Subject}"))}. Workflows: {await DescribeAsync()}");
            }

            await Task.Delay(50);
        }
    }

    private async Task<string> DescribeAsync()
    {
        var lines = new List<string>();
        await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            lines.Add($"{instance.InstanceId} {instance.Name} {instance.RuntimeStatus} {instance.SerializedCustomStatus} {instance.FailureDetails?.ErrorMessage}");
        }

        return string.Join(" | ", lines);
    }

    /// <summary>Waits until the instance's custom status has <paramref name="stage"/>.</summary>
    public async Task<WorkflowStatus> StageAsync(string instanceId, string stage)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var instance = await Client.GetInstanceAsync(instanceId, true);
            var status = instance?.ReadCustomStatusAs<WorkflowStatus>();
            if (status?.Stage == stage)
            {
                return status;
            }

            if (instance?.RuntimeStatus == OrchestrationRuntimeStatus.Failed || waited.Elapsed > Patience)
            {
                throw new TimeoutException($"{instanceId} did not reach {stage}: {instance?.RuntimeStatus} {instance?.SerializedCustomStatus} {instance?.FailureDetails?.ErrorMessage}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Answers the link in <paramref name="email"/> as a person would, with <paramref name="choice"/>.</summary>
    public async Task<Redemption> AnswerAsync(SentEmail email, string choice, Dictionary<string, string>? values = null, string? note = null, int link = 0) =>
        await Links.RedeemAsync(email.Tokens[link], new ApprovalSubmission(choice, note, values ?? []), Events, CancellationToken.None);

    /// <summary>Uploads <paramref name="pdf"/> with the upload link in <paramref name="email"/>, as the upload page does.</summary>
    public async Task<Redemption> UploadAsync(SentEmail email, byte[] pdf)
    {
        var token = email.Tokens[0];
        var link = await Links.FindAsync(token, CancellationToken.None);
        using var content = new MemoryStream(pdf);
        var stored = await _host.Services.GetRequiredService<DocumentStore>().SaveAsync(DocumentNames.ForUpload(link.InstanceId, link.Id), content, CancellationToken.None);
        stored.Problem.Should().BeNull();
        return await Links.RedeemAsync(token, new ApprovalSubmission("uploaded", null, new Dictionary<string, string>()), Events, CancellationToken.None);
    }

    /// <summary>Registers a host and walks it through screening and VOG until it is available for matching.</summary>
    public async Task<string> AvailableHostAsync(HostRegistration registration)
    {
        int Next(string to, string subject) => Sent.Count(email => email.To == to && email.Subject.Contains(subject, StringComparison.Ordinal)) + 1;
        var (screenings, checks) = (Next(Screener, "Screening"), Next(Screener, "VOG controleren"));
        var hostId = await RegisterHostAsync(registration);
        var screening = await EmailAsync(Screener, "Screening", screenings);
        (await AnswerAsync(screening, "suitable", new() { ["childSafety"] = "yes" })).Outcome.Should().Be(RedeemOutcome.Recorded);
        (await UploadAsync(await EmailAsync(registration.Email, "VOG"), Pdf)).Outcome.Should().Be(RedeemOutcome.Recorded);
        (await AnswerAsync(await EmailAsync(Screener, "VOG controleren", checks), "approve")).Outcome.Should().Be(RedeemOutcome.Recorded);
        await StageAsync(hostId, "Available");
        return hostId;
    }

    public const string Screener = "screening@refugeehome.localhost";
    public const string Supervisor = "supervisor@refugeehome.localhost";
    public const string Matcher = "matching@refugeehome.localhost";
    public const string Connector = "connector@refugeehome.localhost";
    public const string Supporter = "support@refugeehome.localhost";

    /// <summary>The smallest file a PDF reader accepts as a document, as far as the store checks.</summary>
    public static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>Runs a round of matching, as the schedule or a coordinator starts one, and returns the matcher's email of that round.</summary>
    public async Task<SentEmail> NextRoundAsync()
    {
        var rounds = Sent.Count(email => email.To == Matcher && email.Subject.StartsWith(RoundSubject, StringComparison.Ordinal));

        // Each round of a test is a minute of its own, as rounds on a schedule are.
        var round = MatchingRounds.IdOf(DateTimeOffset.UtcNow.AddMinutes(++_rounds));
        (await Client.StartOnceAsync(OrchestratorNames.MatchingRound, MatchingRounds.InstanceIdOf(round), new object(), CancellationToken.None)).Should().BeTrue();
        return await EmailAsync(Matcher, RoundSubject, rounds + 1);
    }

    public const string RoundSubject = "Koppelvoorstellen en overzicht";

    /// <summary>Waits <paramref name="days"/> test days.</summary>
    public static Task WaitDaysAsync(double days) => Task.Delay(Day * days);

    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await Client.WaitForInstanceCompletionAsync(instanceId, true, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
        Mail.Dispose();
    }
}

/// <summary>An email as SendGrid received it, and when.</summary>
internal sealed partial record SentEmail(string To, string Subject, string Html, DateTimeOffset At)
{
    /// <summary>The tokens of the approval and upload links in the email, in order.</summary>
    public IReadOnlyList<string> Tokens => LinkToken().Matches(Html).Select(match => match.Groups["token"].Value).ToList();

    public static SentEmail From(DateTimeOffset at, JsonElement request) => new(
        request.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!,
        request.GetProperty("subject").GetString()!,
        request.GetProperty("content")[0].GetProperty("value").GetString()!,
        at);

    [GeneratedRegex("/(?:approve|upload)/(?<token>[A-Za-z0-9_.-]+)")]
    private static partial Regex LinkToken();
}
