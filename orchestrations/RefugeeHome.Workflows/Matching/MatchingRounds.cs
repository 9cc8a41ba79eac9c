using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace RefugeeHome.Workflows.Matching;

/// <summary>One proposal of a day's round, as the matcher reads it.</summary>
/// <param name="HostId">The host proposed.</param>
/// <param name="IssueKey">The issue key of its approval link, from which the link is found again.</param>
/// <param name="Lines">The offer and each score factor in words; never an address.</param>
public sealed record RoundProposal(string HostId, string IssueKey, IReadOnlyList<string> Lines);

/// <summary>A waiting household of a day's round with the hosts proposed for it, best first.</summary>
/// <param name="GuestId">The household's opaque id.</param>
/// <param name="Region">The region it is counted in.</param>
/// <param name="WishedMunicipality">Where it would like to live, if anywhere.</param>
/// <param name="Adults">Adults in the household.</param>
/// <param name="Minors">Minors in the household.</param>
/// <param name="WaitedDays">Days it has waited.</param>
/// <param name="RematchPriority">An earlier placement ended early.</param>
/// <param name="Proposals">The assigned host first, then alternatives.</param>
public sealed record RoundHousehold(
    string GuestId, string Region, string? WishedMunicipality, int Adults, int Minors, int WaitedDays, bool RematchPriority, IReadOnlyList<RoundProposal> Proposals);

/// <summary>
/// The proposals of each round, longest waiting households first, for the matcher's email and the round's page. A
/// round's id is the moment (UTC) it was due, <c>yyyy-MM-ddTHHmm</c>, so ids sort by time. One partition per round,
/// one row per household in page order, and a summary row written last, so a round whose writing was cut short and
/// redone never shows rows of the first attempt. Rounds are deleted after a few weeks.
/// </summary>
public sealed class MatchingRounds(TableServiceClient tables)
{
    /// <summary>The message whose texts the round's email, page and explanations use.</summary>
    public const string Message = "matching-daily";

    private const string SummaryKey = "summary";
    private const int BatchSize = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = tables.GetTableClient("MatchingRounds");

    /// <summary>Creates the table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    private const string IdFormat = "yyyy-MM-dd'T'HHmm";
    private const string InstancePrefix = "matching-round-";

    /// <summary>The id of the workflow that runs <paramref name="round"/>.</summary>
    public static string InstanceIdOf(string round) => InstancePrefix + round;

    /// <summary>The round the workflow <paramref name="instanceId"/> runs.</summary>
    public static string RoundOf(string instanceId) =>
        instanceId.StartsWith(InstancePrefix, StringComparison.Ordinal) ? instanceId[InstancePrefix.Length..] : throw new ArgumentException($"'{instanceId}' is not a round of matching.", nameof(instanceId));

    /// <summary>The id of the round due at <paramref name="dueAt"/>.</summary>
    public static string IdOf(DateTimeOffset dueAt) => dueAt.UtcDateTime.ToString(IdFormat, CultureInfo.InvariantCulture);

    /// <summary>When the round <paramref name="round"/> was due, or null when it is not a round id.</summary>
    public static DateTimeOffset? DueAtOf(string round) =>
        DateTime.TryParseExact(round, IdFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var due)
            ? new DateTimeOffset(due, TimeSpan.Zero)
            : null;

    /// <summary>When <paramref name="round"/> was due, as staff in <paramref name="timeZone"/> read it (<c>yyyy-MM-dd HH:mm</c>).</summary>
    public static string LocalTimeOf(string round, string timeZone) =>
        DueAtOf(round) is { } due
            ? TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : round;

    /// <summary>Stores <paramref name="round"/>, replacing an earlier attempt.</summary>
    public async Task SaveAsync(string round, IReadOnlyList<RoundHousehold> households, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(households);
        var partition = round;
        foreach (var batch in households.Select((household, index) => (household, index)).Chunk(BatchSize))
        {
            await _table.SubmitTransactionAsync(batch.Select(entry => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(partition, RowKey(entry.index)) { ["Household"] = JsonSerializer.Serialize(entry.household, Json) })), cancellationToken);
        }

        await _table.UpsertEntityAsync(new TableEntity(partition, SummaryKey) { ["Households"] = households.Count }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// The households <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of
    /// <paramref name="round"/>, and how many it has in all; null when there is no such round.
    /// </summary>
    public async Task<(int Total, IReadOnlyList<RoundHousehold> Households)?> ReadAsync(string round, int skip, int take, CancellationToken cancellationToken)
    {
        var partition = round;
        var summary = await _table.GetEntityIfExistsAsync<TableEntity>(partition, SummaryKey, cancellationToken: cancellationToken);
        if (!summary.HasValue)
        {
            return null;
        }

        var total = summary.Value!.GetInt32("Households") ?? 0;
        var households = new List<RoundHousehold>();
        var end = Math.Min(total, skip + take);
        if (skip < end)
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {RowKey(skip)} and RowKey lt {RowKey(end)}"),
                cancellationToken: cancellationToken))
            {
                households.Add(JsonSerializer.Deserialize<RoundHousehold>(row.GetString("Household"), Json)!);
            }
        }

        return (total, households);
    }

    /// <summary>Deletes the rounds due before <paramref name="firstKept"/>.</summary>
    public async Task ForgetBeforeAsync(DateOnly firstKept, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey lt {firstKept.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        foreach (var round in rows.GroupBy(row => row.PartitionKey))
        {
            foreach (var batch in round.Chunk(BatchSize))
            {
                await _table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row)), cancellationToken);
            }
        }
    }

    private static string RowKey(int index) => index.ToString("D7", CultureInfo.InvariantCulture);
}
