using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using RefugeeHome.Durable;
using RefugeeHome.Storage;
using RefugeeHome.Testing;

namespace RefugeeHome.Approvals.Tests;

/// <summary>Approval links over a durable runtime whose "Screening" workflow waits for the screener's answer.</summary>
internal sealed class ApprovalHarness : IAsyncDisposable
{
    public const string EventName = "ScreeningRecorded";
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly ApprovalChoice[] Choices = [new("suitable", "Geschikt"), new("not-suitable", "Niet geschikt")];

    private ApprovalHarness(DurableRuntime runtime, ApprovalLinks links, DocumentStore documents, FakeTimeProvider clock)
    {
        Runtime = runtime;
        Links = links;
        Documents = documents;
        Clock = clock;
    }

    public DocumentStore Documents { get; }

    public DurableRuntime Runtime { get; }

    public ApprovalLinks Links { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<ApprovalHarness> StartAsync(AzuriteFixture azurite)
    {
        var clock = new FakeTimeProvider(Start);
        var tables = new TableServiceClient(azurite.ConnectionString);
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<object?, string>("Screening", async (context, _) =>
        {
            var answer = await context.WaitForExternalEvent<ApprovalAnswer>(EventName);
            return $"{answer.Choice}|{answer.LinkId}";
        });
        var runtime = await DurableRuntime.StartAsync(tables, registry, new DurableRuntimeOptions
        {
            TaskHubName = "a" + Guid.NewGuid().ToString("N")[..10],
            PartitionCount = 2,
            MaxPollInterval = TimeSpan.FromMilliseconds(100),
            Clock = clock,
        });
        var links = new ApprovalLinks(tables, runtime.Client, new ApprovalOptions
        {
            BaseUrl = new Uri("https://refugeehome.example/"),
            SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        }, clock);
        await ApprovalLinks.CreateTableAsync(tables, CancellationToken.None);
        var documents = new DocumentStore(new BlobContainerClient(azurite.ConnectionString, "documents"));
        await documents.CreateContainerAsync(CancellationToken.None);
        return new ApprovalHarness(runtime, links, documents, clock);
    }

    public async Task<string> StartScreeningAsync()
    {
        var id = "host-" + Guid.NewGuid().ToString("N")[..10];
        await Runtime.Client.ScheduleNewOrchestrationInstanceAsync("Screening", options: new StartOrchestrationOptions(id));
        return id;
    }

    public static ApprovalRequest Request(string instanceId, string issueKey = "task-3", string language = "nl") =>
        new(instanceId, EventName, "screening", issueKey, language, "Uitkomst van het screeningsgesprek", Choices, Start.AddDays(7));

    public static ApprovalSubmission Answer(string choice, string? note = null, Dictionary<string, string>? values = null) =>
        new(choice, note, values ?? []);

    public static string TokenOf(Uri link) => link.AbsolutePath["/approve/".Length..];

    public async ValueTask DisposeAsync() => await Runtime.DisposeAsync();
}
