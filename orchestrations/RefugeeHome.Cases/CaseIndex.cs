using Azure;
using Azure.Data.Tables;

namespace RefugeeHome.Cases;

/// <summary>
/// The table of cases the console searches: one row per case, merged by each workflow step that changes where the case
/// stands. A case whose data retention has deleted stays as a row with its id and nothing else, so a console that
/// reads only what changed learns that it is gone.
/// </summary>
/// <param name="tables">The storage account's tables.</param>
/// <param name="tableName">The table, <c>Cases</c>; a test gives one of its own.</param>
public sealed class CaseIndex(TableServiceClient tables, string tableName = "Cases")
{
    private readonly TableClient _table = tables.GetTableClient(tableName);

    /// <summary>Creates the table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>
    /// Changes the case's row: <paramref name="change"/> gets what the index holds (null when nothing) and returns what it
    /// should hold, or null to leave it. The row is written under the ETag it was read with, so a change made elsewhere at
    /// the same moment (an erasure request during a step) is read again and kept.
    /// </summary>
    public async Task RecordAsync(string caseId, Func<CaseSummary?, CaseSummary?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var partition = PartitionOf(caseId);
        while (true)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(partition, caseId, cancellationToken: cancellationToken);
            var current = found.HasValue ? found.Value! : null;
            if (current?.GetBoolean("Forgotten") == true || change(current is null ? null : ToSummary(current)) is not { } next)
            {
                return;
            }

            try
            {
                if (current is null)
                {
                    await _table.AddEntityAsync(ToRow(next), cancellationToken);
                }
                else
                {
                    await _table.UpdateEntityAsync(ToRow(next), current.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Written at the same moment elsewhere: apply the change to what stands now.
            }
        }
    }

    /// <summary>Marks a case as asked to be erased; a case not indexed yet is left to its first step.</summary>
    public Task RequestErasureAsync(string caseId, CancellationToken cancellationToken) =>
        RecordAsync(caseId, current => current is null ? null : current with { ErasureRequested = true }, cancellationToken);

    /// <summary>The case, or null when it is unknown or its data has been deleted.</summary>
    public async Task<CaseSummary?> FindAsync(string caseId, CancellationToken cancellationToken)
    {
        if (CaseKinds.Of(caseId) is null)
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(caseId), caseId, cancellationToken: cancellationToken);
        return row.HasValue ? ToSummary(row.Value!) : null;
    }

    /// <summary>Replaces the case's row with one that holds its id only, once its data retention has passed.</summary>
    public Task ForgetAsync(string caseId, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(PartitionOf(caseId), caseId) { ["Forgotten"] = true }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Every row written at or after <paramref name="since"/> (all rows when null), with the storage's time of the last
    /// write; a forgotten case comes as its id with a null summary.
    /// </summary>
    public async IAsyncEnumerable<(string Id, CaseSummary? Summary, DateTimeOffset WrittenAt)> ChangedSinceAsync(
        DateTimeOffset? since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = since is { } from ? TableClient.CreateQueryFilter($"Timestamp ge {from}") : null;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return (row.RowKey, ToSummary(row), row.Timestamp ?? DateTimeOffset.MinValue);
        }
    }

    private static string PartitionOf(string caseId) =>
        (CaseKinds.Of(caseId) ?? throw new ArgumentException($"'{caseId}' is not a case id.", nameof(caseId))).ToString();

    private static TableEntity ToRow(CaseSummary summary) => new(summary.Kind.ToString(), summary.Id)
    {
        ["Stage"] = summary.Stage,
        ["WaitingFor"] = summary.WaitingFor,
        ["Since"] = summary.Since,
        ["DueAt"] = summary.DueAt,
        ["Name"] = summary.Name,
        ["Email"] = summary.Email,
        ["Phone"] = summary.Phone,
        ["Municipality"] = summary.Municipality,
        ["Province"] = summary.Province,
        ["HostId"] = summary.HostId,
        ["GuestId"] = summary.GuestId,
        ["PlacementId"] = summary.PlacementId,
        ["CaseworkerEmail"] = summary.CaseworkerEmail,
        ["ErasureRequested"] = summary.ErasureRequested,
        ["Ended"] = summary.Ended,
    };

    private static CaseSummary? ToSummary(TableEntity row)
    {
        if (row.GetBoolean("Forgotten") == true || !Enum.TryParse<CaseKind>(row.PartitionKey, out var kind))
        {
            return null;
        }

        return new CaseSummary(row.RowKey, kind, row.GetString("Stage") ?? "", row.GetString("WaitingFor"),
            row.GetDateTimeOffset("Since") ?? DateTimeOffset.MinValue, row.GetDateTimeOffset("DueAt"))
        {
            Name = row.GetString("Name"),
            Email = row.GetString("Email"),
            Phone = row.GetString("Phone"),
            Municipality = row.GetString("Municipality"),
            Province = row.GetString("Province"),
            HostId = row.GetString("HostId"),
            GuestId = row.GetString("GuestId"),
            PlacementId = row.GetString("PlacementId"),
            CaseworkerEmail = row.GetString("CaseworkerEmail"),
            ErasureRequested = row.GetBoolean("ErasureRequested") ?? false,
            Ended = row.GetBoolean("Ended") ?? false,
        };
    }
}
