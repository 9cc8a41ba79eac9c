using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using RefugeeHome.Storage;
using RefugeeHome.Testing;

namespace RefugeeHome.Approvals.Tests;

/// <summary>Approval links on their own storage, with the events they raise recorded instead of sent to a workflow.</summary>
internal sealed class ApprovalHarness
{
    public const string EventName = "ScreeningRecorded";
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly ApprovalChoice[] Choices = [new("suitable", "Geschikt"), new("not-suitable", "Niet geschikt")];

    private ApprovalHarness(TableServiceClient tables, ApprovalLinks links, DocumentStore documents, FakeTimeProvider clock)
    {
        Tables = tables;
        Links = links;
        Documents = documents;
        Clock = clock;
    }

    public static string SigningKey { get; } = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public TableServiceClient Tables { get; }

    public DocumentStore Documents { get; }

    public ApprovalLinks Links { get; }

    public FakeTimeProvider Clock { get; }

    public RecordedEvents Events { get; } = new();

    /// <summary>A harness whose clock starts at <paramref name="start"/>, by default <see cref="Start"/>.</summary>
    public static async Task<ApprovalHarness> StartAsync(AzuriteFixture azurite, DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? Start);
        var tables = new TableServiceClient(azurite.ConnectionString);
        var links = new ApprovalLinks(tables, new ApprovalOptions
        {
            BaseUrl = new Uri("https://refugeehome.example/"),
            SigningKey = SigningKey,
        }, clock);
        await links.CreateTableAsync(CancellationToken.None);
        await new RefugeeHome.Cases.CaseIndex(tables).CreateTableAsync(CancellationToken.None);
        var documents = new DocumentStore(new BlobContainerClient(azurite.ConnectionString, "documents"));
        await documents.CreateContainerAsync(CancellationToken.None);
        return new ApprovalHarness(tables, links, documents, clock);
    }

    /// <summary>A workflow instance id no other test uses.</summary>
    public static string NewInstanceId() => "host-" + Guid.NewGuid().ToString("N")[..10];

    public Task<Redemption> RedeemAsync(string token, ApprovalSubmission submission) =>
        Links.RedeemAsync(token, submission, Events, CancellationToken.None);

    public static ApprovalRequest Request(string instanceId, string issueKey = "task-3", string language = "nl") =>
        new(instanceId, EventName, "screening", issueKey, language, "Uitkomst van het screeningsgesprek", Choices, Start.AddDays(7));

    public static ApprovalSubmission Answer(string choice, string? note = null, Dictionary<string, string>? values = null) =>
        new(choice, note, values ?? []);

    public static string TokenOf(Uri link) => link.AbsolutePath["/approve/".Length..];
}

/// <summary>The events answers raise, in the order they were raised.</summary>
internal sealed class RecordedEvents : IWorkflowEvents
{
    private readonly List<(string InstanceId, string EventName, ApprovalAnswer Answer)> _raised = [];

    public Task RaiseAsync(string instanceId, string eventName, ApprovalAnswer answer, CancellationToken cancellationToken)
    {
        lock (_raised)
        {
            _raised.Add((instanceId, eventName, answer));
        }

        return Task.CompletedTask;
    }

    /// <summary>The answers raised on <paramref name="instanceId"/>'s <see cref="ApprovalHarness.EventName"/>.</summary>
    public IReadOnlyList<ApprovalAnswer> For(string instanceId)
    {
        lock (_raised)
        {
            return _raised.Where(raised => raised.InstanceId == instanceId && raised.EventName == ApprovalHarness.EventName).Select(raised => raised.Answer).ToList();
        }
    }
}
