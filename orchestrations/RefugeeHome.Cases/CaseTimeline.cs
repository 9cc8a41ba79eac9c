using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace RefugeeHome.Cases;

/// <summary>What a timeline entry records.</summary>
public enum TimelineKind
{
    /// <summary>The case entered a stage or began to wait: <see cref="TimelineEntry.Code"/> is the stage, <see cref="TimelineEntry.Role"/> whom it waits for.</summary>
    Stage,

    /// <summary>An email was sent: <see cref="TimelineEntry.Code"/> is its message, <see cref="TimelineEntry.Role"/> the recipient's role.</summary>
    Email,

    /// <summary>Staff acted from the console: <see cref="TimelineEntry.Code"/> is the action, <see cref="TimelineEntry.Detail"/> its reason or fields.</summary>
    Action,
}

/// <summary>One entry of a case's timeline. Written once under its key, so a step that runs again writes nothing new.</summary>
/// <param name="Key">Unique within the case: the workflow's key of the step, or the hash of an email's message key.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What it records.</param>
/// <param name="Code">The stage, message or action.</param>
public sealed record TimelineEntry(string Key, DateTimeOffset At, TimelineKind Kind, string Code)
{
    /// <summary>The role concerned: whom a stage waits for, whom an email went to.</summary>
    public string? Role { get; init; }

    /// <summary>A code further describing it: the question an email asked, the reason of an action.</summary>
    public string? Detail { get; init; }

    /// <summary>Who acted, for an action: the staff role and name.</summary>
    public string? By { get; init; }

    /// <summary>What people call it, for an email: its subject in each language (case numbers and dates, nothing personal).</summary>
    public IReadOnlyDictionary<string, string> Titles { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Each case's timeline, in one table partition per case: the stages of its workflow, the emails it sent and what staff
/// did from the console. The links it issued and their answers are the approval links' own record. Retention deletes
/// the partition with the case's data.
/// </summary>
public sealed class CaseTimeline(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient("CaseTimeline");

    /// <summary>Creates the table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Adds <paramref name="entry"/> to the timeline of <paramref name="caseId"/>, unless its key is there already.</summary>
    public async Task AddAsync(string caseId, TimelineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            await _table.AddEntityAsync(new TableEntity(caseId, entry.Key)
            {
                ["At"] = entry.At,
                ["Kind"] = entry.Kind.ToString(),
                ["Code"] = entry.Code,
                ["Role"] = entry.Role,
                ["Detail"] = entry.Detail,
                ["By"] = entry.By,
                ["Titles"] = entry.Titles.Count == 0 ? null : JsonSerializer.Serialize(entry.Titles),
            }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Written by an earlier attempt of the same step.
        }
    }

    /// <summary>The timeline of <paramref name="caseId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(string caseId, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            entries.Add(new TimelineEntry(row.RowKey, row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                Enum.TryParse<TimelineKind>(row.GetString("Kind"), out var kind) ? kind : TimelineKind.Action, row.GetString("Code") ?? "")
            {
                Role = row.GetString("Role"),
                Detail = row.GetString("Detail"),
                By = row.GetString("By"),
                Titles = row.GetString("Titles") is { } titles ? JsonSerializer.Deserialize<Dictionary<string, string>>(titles) ?? [] : [],
            });
        }

        return entries.OrderBy(entry => entry.At).ThenBy(entry => entry.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Deletes the timeline of <paramref name="caseId"/>.</summary>
    public async Task ForgetAsync(string caseId, CancellationToken cancellationToken)
    {
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }
    }
}
