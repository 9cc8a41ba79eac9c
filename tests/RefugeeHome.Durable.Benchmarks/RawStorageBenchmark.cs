using System.Diagnostics;
using Azure.Data.Tables;

namespace RefugeeHome.Durable.Benchmarks;

/// <summary>
/// The physical limit: what Azurite sustains for the runtime's hot-path shape, one partition read plus one
/// entity-group transaction (replace a row with its ETag, add a row), at the dispatcher's concurrency.
/// </summary>
internal static class RawStorageBenchmark
{
    public static async Task<(double ReadPlusTransactionsPerSecond, double TransactionsPerSecond)> RunAsync(
        TableServiceClient tables, int concurrency, TimeSpan duration)
    {
        var table = tables.GetTableClient("raw" + Guid.NewGuid().ToString("N")[..10]);
        await table.CreateAsync();
        var withRead = await MeasureAsync(table, concurrency, duration, read: true);
        var transactionOnly = await MeasureAsync(table, concurrency, duration, read: false);
        return (withRead, transactionOnly);
    }

    private static async Task<double> MeasureAsync(TableClient table, int concurrency, TimeSpan duration, bool read)
    {
        long completed = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var partition = $"p{worker % 16:D2}";
            var key = $"w{worker}-{read}";
            var row = new TableEntity(partition, key + "|I") { ["Status"] = "Running", ["Input"] = "7" };
            await table.UpsertEntityAsync(row);
            var etag = (await table.GetEntityAsync<TableEntity>(partition, key + "|I")).Value.ETag;
            for (var i = 0; stopwatch.Elapsed < duration; i++)
            {
                if (read)
                {
                    await foreach (var _ in table.QueryAsync<TableEntity>(
                        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {key + "|"} and RowKey lt {key + "}"}")))
                    {
                    }
                }

                var response = await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, etag),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"{key}|H|{i:D6}") { ["Events"] = "[{\"$e\":\"tc\",\"TaskId\":1,\"Result\":\"42\"}]" }),
                ]);
                etag = response.Value[0].Headers.ETag!.Value;
                Interlocked.Increment(ref completed);
            }
        }));
        return completed / stopwatch.Elapsed.TotalSeconds;
    }
}
