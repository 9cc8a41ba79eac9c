using Azure;
using Azure.Data.Tables;

namespace RefugeeHome.Storage;

/// <summary>Read-modify-write of one table row under its ETag.</summary>
public static class OptimisticUpdate
{
    /// <summary>
    /// Reads the row, applies <paramref name="change"/> and writes it back under the ETag it was read with; when someone
    /// else wrote first, reads the fresh row and applies the change again. Returns the row as written.
    /// </summary>
    public static async Task<TableEntity> ApplyAsync(this TableClient table, string partitionKey, string rowKey, Action<TableEntity> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            var row = (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken)).Value;
            change(row);
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return row;
            }
            catch (RequestFailedException conflict) when (conflict.Status == 412)
            {
                // Changed at the same moment elsewhere: apply the change to the fresh row.
            }
        }
    }
}
