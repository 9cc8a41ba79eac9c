using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RefugeeHome.Runner.LocalMail;

namespace RefugeeHome.Soak;

/// <summary>
/// Every email the runner's sink has taken, read straight from its table in the soak's own storage: the outbox page
/// lists only the newest, and a soak sends thousands. Each read asks only for what arrived since shortly before the
/// newest email seen, so an email stored a moment late is still found.
/// </summary>
internal sealed class SoakOutbox(string connectionString)
{
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);
    private readonly TableClient _table = new TableServiceClient(connectionString).GetTableClient("DevOutbox");
    private readonly Dictionary<string, SoakEmail> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _newest = DateTimeOffset.MinValue;

    /// <summary>How many emails have been read so far.</summary>
    public int Count => _seen.Count;

    /// <summary>All emails sent so far, oldest first.</summary>
    public async Task<IReadOnlyList<SoakEmail>> ReadAsync()
    {
        // The sink's keys count down from the end of time, so newer emails have smaller keys.
        var from = _newest == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : _newest - Overlap;
        var below = (DateTimeOffset.MaxValue.Ticks - from.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq 'outbox' and RowKey lt {below}")))
            {
                var email = new SoakEmail(row.RowKey, (row.GetString("To") ?? "").Split('\n')[0], row.GetString("Subject") ?? "", OutboxText.Read(row, "Html") ?? "",
                    row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue);
                _seen.TryAdd(email.Id, email);
                _newest = email.ReceivedAt > _newest ? email.ReceivedAt : _newest;
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // The sink makes its table with the first email it takes.
        }

        return _seen.Values.OrderBy(email => email.ReceivedAt).ToList();
    }
}
