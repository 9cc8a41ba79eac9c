using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RefugeeHome.Approvals;
using RefugeeHome.Durable;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Matching;
using RefugeeHome.Registrations;
using RefugeeHome.Storage;
using RefugeeHome.Testing;
using AwesomeAssertions;
using RefugeeHome.Triggers;
using RefugeeHome.Workflows;
using RefugeeHome.Workflows.Matching;
using SendGrid;

namespace RefugeeHome.Workflows.Tests;

/// <summary>
/// The workflows on the durable runtime, wired by the same registration the hosts use, against an Azurite of their
/// own (the matching pool is shared by all households, so tests must not share storage), with SendGrid's real client
/// writing into a capture and a fake clock the test moves forward.
/// </summary>
internal sealed partial class WorkflowHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly AzuriteProcess _azurite;
    private readonly ServiceProvider _services;

    private WorkflowHarness(AzuriteProcess azurite, ServiceProvider services, DurableRuntime runtime, FakeTimeProvider clock, SendGridCapture mail)
    {
        _azurite = azurite;
        _services = services;
        Runtime = runtime;
        Clock = clock;
        Mail = mail;
    }

    public DurableRuntime Runtime { get; }

    public FakeTimeProvider Clock { get; }

    public SendGridCapture Mail { get; }

    public DurableTaskClient Client => Runtime.Client;

    public ApprovalLinks Links => _services.GetRequiredService<ApprovalLinks>();

    public HostRegistry Hosts => _services.GetRequiredService<HostRegistry>();

    public GuestRegistry Guests => _services.GetRequiredService<GuestRegistry>();

    public MatchingPool Pool => _services.GetRequiredService<MatchingPool>();

    public TableServiceClient Tables => _services.GetRequiredService<TableServiceClient>();

    public RefugeeHome.Statistics.HouseholdStatistics Statistics => _services.GetRequiredService<RefugeeHome.Statistics.HouseholdStatistics>();

    public static async Task<WorkflowHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), AzuriteOptions.InMemoryOnFreePorts(), TestContext.Current.CancellationToken);
        var clock = new FakeTimeProvider(Start);
        var mail = new SendGridCapture();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Approvals:BaseUrl"] = "https://refugeehome.example/",
            ["Approvals:SigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["SendGrid:ApiKey"] = "test",
            ["SendGrid:From"] = "noreply@refugeehome.example",
        }.Concat(settings ?? new Dictionary<string, string?>())).Build();
        RuntimeHolder holder = new();
        var services = new ServiceCollection()
            .AddSingleton(new TableServiceClient(azurite.ConnectionString))
            .AddSingleton(new BlobServiceClient(azurite.ConnectionString))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<ISendGridClient>(new SendGridClient(new HttpClient(mail), new SendGridClientOptions { ApiKey = "test" }))
            .AddSingleton(_ => holder.Runtime!.Client)
            .AddStatistics(configuration)
            .AddWorkflows(configuration)
            .BuildServiceProvider();
        await services.InitializeStatisticsAsync(CancellationToken.None);
        await services.InitializeWorkflowsAsync(CancellationToken.None);
        holder.Runtime = await DurableRuntime.StartAsync(
            services.GetRequiredService<TableServiceClient>(), new DurableTaskRegistry().AddWorkflows(services),
            new DurableRuntimeOptions { PartitionCount = 2, MaxPollInterval = TimeSpan.FromMilliseconds(50), Clock = clock });
        await WorkflowRegistration.StartStandingAsync(holder.Runtime.Client, CancellationToken.None);
        return new WorkflowHarness(azurite, services, holder.Runtime, clock, mail);
    }

    public async Task<string> RegisterHostAsync(HostRegistration registration)
    {
        var result = await Hosts.RegisterAsync(registration, CancellationToken.None);
        await Client.ScheduleNewOrchestrationInstanceAsync(ActivityNames.HostJourney, new HostJourneyInput(result.HouseholdId), new StartOrchestrationOptions(result.HouseholdId));
        return result.HouseholdId;
    }

    public async Task<string> RegisterGuestAsync(GuestRegistration registration)
    {
        var result = await Guests.RegisterAsync(registration, CancellationToken.None);
        await Client.ScheduleNewOrchestrationInstanceAsync(ActivityNames.GuestIntake, new GuestIntakeInput(result.HouseholdId), new StartOrchestrationOptions(result.HouseholdId));
        return result.HouseholdId;
    }

    /// <summary>Emails sent so far: recipient, subject and HTML.</summary>
    public IReadOnlyList<SentEmail> Sent => Mail.Sent.Select(SentEmail.From).ToList();

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
        await Links.RedeemAsync(email.Tokens[link], new ApprovalSubmission(choice, note, values ?? []), CancellationToken.None);

    /// <summary>Uploads <paramref name="pdf"/> with the upload link in <paramref name="email"/>, as the upload page does.</summary>
    public async Task<Redemption> UploadAsync(SentEmail email, byte[] pdf)
    {
        var token = email.Tokens[0];
        var link = await Links.FindAsync(token, CancellationToken.None);
        using var content = new MemoryStream(pdf);
        var stored = await _services.GetRequiredService<DocumentStore>().SaveAsync(DocumentNames.ForUpload(link.InstanceId, link.Id), content, CancellationToken.None);
        stored.Problem.Should().BeNull();
        return await Links.RedeemAsync(token, new ApprovalSubmission("uploaded", null, new Dictionary<string, string>()), CancellationToken.None);
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

    /// <summary>Moves the clock to the next morning's round of matching and returns the matcher's email of that round.</summary>
    public async Task<SentEmail> NextRoundAsync()
    {
        var rounds = Sent.Count(email => email.To == Matcher && email.Subject.StartsWith(RoundSubject, StringComparison.Ordinal));
        var now = Clock.GetUtcNow();
        var morning = new DateTimeOffset(now.UtcDateTime.Date.AddHours(6), TimeSpan.Zero);
        Clock.Advance((morning > now ? morning : morning.AddDays(1)) - now);
        return await EmailAsync(Matcher, RoundSubject, rounds + 1);
    }

    public const string RoundSubject = "Koppelvoorstellen en overzicht";

    /// <summary>Moves the clock forward in steps, letting the runtime fire what came due at each.</summary>
    public async Task AdvanceAsync(TimeSpan by, TimeSpan? step = null)
    {
        var stride = step ?? TimeSpan.FromDays(1);
        for (var moved = TimeSpan.Zero; moved < by; moved += stride)
        {
            Clock.Advance(stride < by - moved ? stride : by - moved);
            await Task.Delay(300);
        }
    }

    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await Client.WaitForInstanceCompletionAsync(instanceId, true, cancellationToken: timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await _services.DisposeAsync();
        await _azurite.DisposeAsync();
        Mail.Dispose();
    }

    private sealed class RuntimeHolder
    {
        public DurableRuntime? Runtime { get; set; }
    }
}

/// <summary>An email as SendGrid received it.</summary>
internal sealed partial record SentEmail(string To, string Subject, string Html)
{
    /// <summary>The tokens of the approval and upload links in the email, in order.</summary>
    public IReadOnlyList<string> Tokens => LinkToken().Matches(Html).Select(match => match.Groups["token"].Value).ToList();

    public static SentEmail From(JsonElement request) => new(
        request.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!,
        request.GetProperty("subject").GetString()!,
        request.GetProperty("content")[0].GetProperty("value").GetString()!);

    [GeneratedRegex("/(?:approve|upload)/(?<token>[A-Za-z0-9_.-]+)")]
    private static partial Regex LinkToken();
}
