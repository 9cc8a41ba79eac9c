using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RefugeeHome.Matching.Municipalities;

namespace RefugeeHome.Statistics;

/// <summary>
/// Counters per municipality, kept up to date as journeys change stage. Each municipality is a partition holding its
/// counters and one row per household (an opaque id and a stage, nothing personal). A stage change updates the
/// household row and the counters in one transaction guarded by ETags, so a retried activity never counts twice, and
/// reading the report costs one small query per counter and municipality whatever the number of households. Each
/// counter is kept in <see cref="Shards"/> rows, a household always counting in the same one, so households of one
/// municipality changing stage at once rarely write the same row: one row per counter made every change of a busy
/// municipality wait for the others.
/// </summary>
public sealed class HouseholdStatistics
{
    private const string HouseholdPrefix = "h|";
    private const string CounterPrefix = "c|";
    private const string EventMarkerPrefix = "p|";
    private const string MunicipalityIndexPartition = "municipalities";
    private const int MaxAttempts = 20;
    private const int Shards = 16;

    private readonly TableClient _counters;
    private readonly TableClient _municipalities;
    private readonly MunicipalityNames _names;

    // Municipalities this process has written to the index: the index row is written once, not with every change.
    private readonly ConcurrentDictionary<string, bool> _indexed = new(StringComparer.Ordinal);

    /// <summary>Uses the tables <c>StatisticsCounters</c> and <c>StatisticsMunicipalities</c>, named after <paramref name="tablePrefix"/>.</summary>
    public HouseholdStatistics(TableServiceClient tables, MunicipalityNames names, string tablePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(tables);
        _counters = tables.GetTableClient(tablePrefix + "StatisticsCounters");
        _municipalities = tables.GetTableClient(tablePrefix + "StatisticsMunicipalities");
        _names = names;
    }

    /// <summary>Creates the tables if needed.</summary>
    public async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        await _counters.CreateIfNotExistsAsync(cancellationToken);
        await _municipalities.CreateIfNotExistsAsync(cancellationToken);
    }

    /// <summary>Records that host household <paramref name="householdId"/> is now at <paramref name="stage"/>.</summary>
    public Task RecordHostAsync(string householdId, string municipality, HostStage stage, CancellationToken cancellationToken) =>
        RecordAsync(householdId, "host", municipality, stage.ToString(), Metrics.Of(stage), cancellationToken);

    /// <summary>Records that guest household <paramref name="householdId"/> is now at <paramref name="stage"/>.</summary>
    public Task RecordGuestAsync(string householdId, string municipality, GuestStage stage, CancellationToken cancellationToken) =>
        RecordAsync(householdId, "guest", municipality, stage.ToString(), Metrics.Of(stage), cancellationToken);

    /// <summary>Counts a placement that started on <paramref name="day"/>, once per placement.</summary>
    public Task RecordPlacementStartedAsync(string placementId, string municipality, DateOnly day, CancellationToken cancellationToken) =>
        RecordEventAsync(placementId, municipality, Metrics.PlacementsStarted, day, cancellationToken);

    /// <summary>Counts a placement that ended on <paramref name="day"/>, once per placement.</summary>
    public Task RecordPlacementEndedAsync(string placementId, string municipality, DateOnly day, CancellationToken cancellationToken) =>
        RecordEventAsync(placementId, municipality, Metrics.PlacementsEnded, day, cancellationToken);

    /// <summary>
    /// Moves a household's row and what it counts from <paramref name="from"/> to <paramref name="to"/>, for a
    /// corrected municipality. Each partition changes in a transaction of its own, the new one first, so a move cut
    /// short by a crash is finished by running it again and never counts the household twice for long or loses it.
    /// </summary>
    public async Task MoveAsync(string householdId, string from, string to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(householdId);
        var (source, target) = (await PartitionForAsync(from, cancellationToken), await PartitionForAsync(to, cancellationToken));
        var shard = ShardOf(householdId);
        for (var attempt = 1; source != target; attempt++)
        {
            var household = await _counters.GetEntityIfExistsAsync<TableEntity>(source, HouseholdPrefix + householdId, cancellationToken: cancellationToken);
            if (!household.HasValue)
            {
                return;
            }

            var row = household.Value!;
            var metrics = PreviousMetrics(row);
            if (!(await _counters.GetEntityIfExistsAsync<TableEntity>(target, HouseholdPrefix + householdId, cancellationToken: cancellationToken)).HasValue)
            {
                var arrive = new List<TableTransactionAction>
                {
                    new(TableTransactionActionType.Add, HouseholdRow(target, householdId, row.GetString("Kind"), row.GetString("Stage"), metrics)),
                };
                foreach (var metric in metrics)
                {
                    arrive.Add(await CounterChangeAsync(target, CounterKey(metric, null, shard), +1, cancellationToken));
                }

                if (!await TrySubmitAsync(arrive, attempt, cancellationToken))
                {
                    continue;
                }
            }

            var leave = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, row, row.ETag) };
            foreach (var metric in metrics)
            {
                leave.Add(await CounterChangeAsync(source, CounterKey(metric, null, shard), -1, cancellationToken));
            }

            if (await TrySubmitAsync(leave, attempt, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Deletes what the statistics keep of one household, its opaque id and last stage, once its retention period has
    /// passed. The counts stay as they are: they never held anything that identifies it.
    /// </summary>
    public async Task ForgetAsync(string householdId, string municipality, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(householdId);
        var partition = await PartitionForAsync(municipality, cancellationToken);
        await _counters.DeleteEntityAsync(partition, HouseholdPrefix + householdId, ETag.All, cancellationToken);
    }

    /// <summary>Every municipality's counts: the current stock, and the events of <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<MunicipalityCounts>> ReadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var municipalities = new List<(string Partition, string Name)>();
        await foreach (var row in _municipalities.QueryAsync<TableEntity>(
            row => row.PartitionKey == MunicipalityIndexPartition, cancellationToken: cancellationToken))
        {
            municipalities.Add((row.RowKey, row.GetString("Name")));
        }

        var counts = new MunicipalityCounts[municipalities.Count];
        await Parallel.ForEachAsync(municipalities.Select((municipality, index) => (municipality, index)),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (item, token) => counts[item.index] = new MunicipalityCounts(
                item.municipality.Name, await ReadCountsAsync(item.municipality.Partition, day, token)));
        return counts.OrderBy(count => count.Municipality, StringComparer.Ordinal).ToList();
    }

    private async Task<IReadOnlyDictionary<string, int>> ReadCountsAsync(string partition, DateOnly day, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var metric in Metrics.All)
        {
            var (first, last) = (CounterKey(metric, day, 0), CounterKey(metric, day, Shards - 1));
            values[metric] = 0;
            await foreach (var row in _counters.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {first} and RowKey le {last}"), select: ["Count"], cancellationToken: cancellationToken))
            {
                values[metric] += row.GetInt32("Count") ?? 0;
            }
        }

        return values;
    }

    private async Task RecordAsync(
        string householdId, string kind, string municipality, string stage, IReadOnlySet<string> metrics, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(householdId);
        var partition = await PartitionForAsync(municipality, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var household = await _counters.GetEntityIfExistsAsync<TableEntity>(partition, HouseholdPrefix + householdId, cancellationToken: cancellationToken);
            var previous = household.HasValue ? household.Value! : null;
            if (previous?.GetString("Stage") == stage)
            {
                return;
            }

            var before = previous is null ? new HashSet<string>() : PreviousMetrics(previous);
            var actions = new List<TableTransactionAction>
            {
                previous is null
                    ? new(TableTransactionActionType.Add, HouseholdRow(partition, householdId, kind, stage, metrics))
                    : new(TableTransactionActionType.UpdateReplace, HouseholdRow(partition, householdId, kind, stage, metrics), previous.ETag),
            };
            var shard = ShardOf(householdId);
            foreach (var metric in before.Except(metrics))
            {
                actions.Add(await CounterChangeAsync(partition, CounterKey(metric, null, shard), -1, cancellationToken));
            }

            foreach (var metric in metrics.Except(before))
            {
                actions.Add(await CounterChangeAsync(partition, CounterKey(metric, null, shard), +1, cancellationToken));
            }

            if (await TrySubmitAsync(actions, attempt, cancellationToken))
            {
                return;
            }
        }
    }

    private async Task RecordEventAsync(string placementId, string municipality, string metric, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placementId);
        var partition = await PartitionForAsync(municipality, cancellationToken);
        var marker = $"{EventMarkerPrefix}{placementId}|{metric}";
        for (var attempt = 1; ; attempt++)
        {
            if ((await _counters.GetEntityIfExistsAsync<TableEntity>(partition, marker, cancellationToken: cancellationToken)).HasValue)
            {
                return;
            }

            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, new TableEntity(partition, marker)),
                await CounterChangeAsync(partition, CounterKey(metric, day, ShardOf(placementId)), +1, cancellationToken),
            };
            if (await TrySubmitAsync(actions, attempt, cancellationToken))
            {
                return;
            }
        }
    }

    private async Task<bool> TrySubmitAsync(List<TableTransactionAction> actions, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await _counters.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxAttempts)
        {
            // Another change of the same municipality came first: read again and recount.
            return false;
        }
    }

    private async Task<TableTransactionAction> CounterChangeAsync(string partition, string rowKey, int delta, CancellationToken cancellationToken)
    {
        var counter = await _counters.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        if (!counter.HasValue)
        {
            return new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, rowKey) { ["Count"] = Math.Max(delta, 0) });
        }

        var row = counter.Value!;
        row["Count"] = Math.Max((row.GetInt32("Count") ?? 0) + delta, 0);
        return new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag);
    }

    private async Task<string> PartitionForAsync(string municipality, CancellationToken cancellationToken)
    {
        var name = _names.Normalize(municipality);
        var partition = PartitionKey(name);
        if (_indexed.ContainsKey(partition))
        {
            return partition;
        }

        try
        {
            await _municipalities.UpsertEntityAsync(
                new TableEntity(MunicipalityIndexPartition, partition) { ["Name"] = name }, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // A concurrent first change of the same municipality wrote the same row.
        }

        _indexed.TryAdd(partition, true);
        return partition;
    }

    private static TableEntity HouseholdRow(string partition, string householdId, string kind, string stage, IReadOnlySet<string> metrics) =>
        new(partition, HouseholdPrefix + householdId) { ["Kind"] = kind, ["Stage"] = stage, ["Metrics"] = string.Join(',', metrics.Order(StringComparer.Ordinal)) };

    private static HashSet<string> PreviousMetrics(TableEntity household) =>
        (household.GetString("Metrics") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static string CounterKey(string metric, DateOnly? day, int shard) =>
        (Metrics.Stock.Contains(metric) || day is null
            ? CounterPrefix + metric
            : CounterPrefix + metric + "|" + day.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        + string.Create(CultureInfo.InvariantCulture, $"|s{shard:D2}");

    // The same household always counts in the same shard, so its own changes are still one transaction with its row.
    private static int ShardOf(string id) => (int)(System.IO.Hashing.XxHash32.HashToUInt32(System.Text.Encoding.UTF8.GetBytes(id)) % Shards);

    // Keys may not hold '/', '\', '#' or '?'; listed names never do, but a cleaned unknown name might.
    private static string PartitionKey(string name) =>
        string.Concat(name.Select(c => c is '/' or '\\' or '#' or '?' ? '_' : c));
}

/// <summary>The numbers of one municipality, by metric name (see <see cref="Metrics"/>).</summary>
/// <param name="Municipality">Canonical municipality name.</param>
/// <param name="Counts">Count per metric.</param>
public sealed record MunicipalityCounts(string Municipality, IReadOnlyDictionary<string, int> Counts);
