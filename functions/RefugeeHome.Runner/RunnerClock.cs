using Azure.Data.Tables;

namespace RefugeeHome.Runner;

/// <summary>
/// The runner's workflow clock: real time (or accelerated, <c>Runner__ClockSpeed</c>) plus an offset that only grows.
/// With <c>Runner__ClockControl</c> on, <c>POST /dev/clock/advance</c> moves it forward, so a person or a test can walk
/// a three-month placement in minutes; durable timers that come due fire at the runtime's next poll. The offset is kept
/// in storage (table <c>DevClock</c>) and restored before the runtime starts: a restarted runner whose clock went back
/// would see its own leases as held until the time it had reached, and its workflows would stall until then.
/// </summary>
internal sealed class RunnerClock(TimeProvider inner) : TimeProvider
{
    private const string Partition = "clock";
    private const string Row = "offset";
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward by <paramref name="by"/> and keeps the new offset in storage.</summary>
    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by, TableServiceClient tables, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        var offset = Interlocked.Add(ref _offsetTicks, by.Ticks);
        var table = await TableAsync(tables, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, Row) { ["OffsetTicks"] = offset }, TableUpdateMode.Replace, cancellationToken);
        return GetUtcNow();
    }

    /// <summary>Takes up the offset kept in storage, if it is further ahead than this clock's.</summary>
    public async Task RestoreAsync(TableServiceClient tables, CancellationToken cancellationToken)
    {
        var table = await TableAsync(tables, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
        var stored = row.HasValue ? row.Value!.GetInt64("OffsetTicks") ?? 0 : 0;
        for (var current = Interlocked.Read(ref _offsetTicks); stored > current; current = Interlocked.Read(ref _offsetTicks))
        {
            if (Interlocked.CompareExchange(ref _offsetTicks, stored, current) == current)
            {
                return;
            }
        }
    }

    private static async Task<TableClient> TableAsync(TableServiceClient tables, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient("DevClock");
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }
}
