using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace RefugeeHome.Workflows.Activities;

/// <summary>How many emails registrations may cause one address to receive (<c>Limits__RegistrationEmailsPerAddressPerDay</c>).</summary>
public sealed class MailQuotaOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Limits";

    /// <summary>
    /// How many emails registrations may cause one address to receive in a day beyond a new household's welcome: "you
    /// registered again" notices and families' confirmations. Anyone can type someone else's address into a form; the
    /// form must not become a way to send them mail.
    /// </summary>
    public int RegistrationEmailsPerAddressPerDay { get; set; } = 3;
}

/// <summary>
/// Counts the emails registrations cause each address to receive in a day, and lets the first few through. Each email
/// counts once under its message key, so an activity run again sends what it sent before and nothing more; the first
/// emails of the day are the ones let through, by the storage's own time of writing. An address is kept only as a hash,
/// and a day's counts are deleted the day after.
/// </summary>
public sealed class RegistrationMailQuota(TableServiceClient tables, MailQuotaOptions options, TimeProvider clock)
{
    private readonly TableClient _table = tables.GetTableClient("RegistrationMailQuota");
    private DateOnly _cleanedBefore;

    /// <summary>Creates the table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Whether the email of <paramref name="messageKey"/> to <paramref name="address"/> is within today's quota.</summary>
    public async Task<bool> AllowsAsync(string address, string messageKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageKey);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await ForgetBeforeAsync(today.AddDays(-1), cancellationToken);
        var partition = $"{Day(today)}|{Hash(address.Trim().ToLowerInvariant())}";
        var row = Hash(messageKey);
        try
        {
            await _table.AddEntityAsync(new TableEntity(partition, row), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Counted by an earlier attempt of the same email.
        }

        var counted = new List<(DateTimeOffset At, string Key)>();
        await foreach (var entry in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey", "Timestamp"], cancellationToken: cancellationToken))
        {
            counted.Add((entry.Timestamp ?? DateTimeOffset.MaxValue, entry.RowKey));
        }

        return counted.OrderBy(entry => entry.At).ThenBy(entry => entry.Key, StringComparer.Ordinal)
            .Take(options.RegistrationEmailsPerAddressPerDay).Any(entry => entry.Key == row);
    }

    // Once a day per process: the counts of days before yesterday are of no use, and an address's hash is still about a person.
    private async Task ForgetBeforeAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (_cleanedBefore >= day)
        {
            return;
        }

        await foreach (var entry in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey lt {Day(day)}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await _table.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, ETag.All, cancellationToken);
        }

        _cleanedBefore = day;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
