using Azure.Data.Tables;

namespace RefugeeHome.Workflows.Activities;

/// <summary>
/// The placements table: one row per placement with its households' ids, stage and facts (dates, contribution,
/// destination). Updates merge, so each step writes only what it learned and a retried step writes the same again.
/// </summary>
public sealed class PlacementRecords(TableServiceClient tables)
{
    private const string Partition = "placements";
    private readonly TableClient _table = tables.GetTableClient("Placements");

    /// <summary>Creates the table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Merges <paramref name="values"/> into the placement's row, creating it if needed.</summary>
    public Task MergeAsync(string placementId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var row = new TableEntity(Partition, placementId);
        foreach (var (name, value) in values)
        {
            row[char.ToUpperInvariant(name[0]) + name[1..]] = value;
        }

        return _table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>The placement's facts, or null when there is no such placement.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> FindAsync(string placementId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, placementId, cancellationToken: cancellationToken);
        return row.HasValue
            ? row.Value!.Where(pair => pair.Value is string && pair.Key is not ("PartitionKey" or "RowKey" or "odata.etag"))
                .ToDictionary(pair => pair.Key, pair => (string)pair.Value, StringComparer.Ordinal)
            : null;
    }

    /// <summary>The placements of a guest household.</summary>
    public async Task<IReadOnlyList<string>> OfGuestAsync(string guestId, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and GuestId eq {guestId}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    /// <summary>Deletes a placement's row.</summary>
    public Task DeleteAsync(string placementId, CancellationToken cancellationToken) =>
        _table.DeleteEntityAsync(Partition, placementId, cancellationToken: cancellationToken);
}
