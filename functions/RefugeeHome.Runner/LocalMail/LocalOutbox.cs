using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using RefugeeHome.Notifications;

namespace RefugeeHome.Runner.LocalMail;

/// <summary>
/// Emails the local runner's SendGrid sink received, kept in the local storage emulator (table <c>DevOutbox</c>) so
/// they survive a restart of the runner, as a person walking a journey would expect; newest first. The runner is for
/// development and demos only: in Azure, SendGrid sends the mail and no copy is kept.
/// </summary>
internal sealed class LocalOutbox(TableServiceClient tables)
{
    private const string Partition = "outbox";
    private const int ListLimit = 500;
    private readonly TableClient _table = tables.GetTableClient("DevOutbox");
    private volatile bool _tableExists;

    public async Task<CapturedEmail> AddAsync(JsonElement request, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        // Newest first in key order: the key counts down from the end of time.
        var id = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.Ticks - receivedAt.UtcTicks:D19}-{Guid.NewGuid():N}");
        var email = CapturedEmail.From(id, request, receivedAt);
        await EnsureTableAsync(cancellationToken);
        var row = new TableEntity(Partition, id)
        {
            ["ReceivedAt"] = receivedAt,
            ["Subject"] = email.Subject,
            ["To"] = string.Join('\n', email.To),
            ["Attachments"] = string.Join('\n', email.Attachments),
            ["MessageKey"] = email.MessageKey,
        };
        OutboxText.Write(row, "Html", email.Html);
        OutboxText.Write(row, "Text", email.Text);
        await _table.AddEntityAsync(row, cancellationToken);
        return email;
    }

    /// <summary>The ids of the emails that carry <paramref name="messageKey"/>, as SendGrid's Email Activity lists them.</summary>
    public async Task<IReadOnlyList<string>> WithMessageKeyAsync(string messageKey, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var ids = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and MessageKey eq {messageKey}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    public async Task<IReadOnlyList<CapturedEmail>> AllAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var emails = new List<CapturedEmail>();
        await foreach (var row in _table.QueryAsync<TableEntity>(row => row.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            emails.Add(ToEmail(row));
            if (emails.Count == ListLimit)
            {
                break;
            }
        }

        return emails;
    }

    public async Task<CapturedEmail?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? ToEmail(row.Value!) : null;
    }

    // Once per process: every email asking storage whether the table exists would double the sink's cost under load.
    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }

    private static CapturedEmail ToEmail(TableEntity row) => new(
        row.RowKey, row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue, row.GetString("Subject") ?? "",
        Lines(row.GetString("To")), OutboxText.Read(row, "Html"), OutboxText.Read(row, "Text"), Lines(row.GetString("Attachments")));

    private static string[] Lines(string? value) => string.IsNullOrEmpty(value) ? [] : value.Split('\n');
}

/// <summary>One email as SendGrid's v3 mail/send API received it.</summary>
internal sealed record CapturedEmail(string Id, DateTimeOffset ReceivedAt, string Subject, IReadOnlyList<string> To, string? Html, string? Text, IReadOnlyList<string> Attachments)
{
    /// <summary>The message key's hash the email carries as a custom argument, if any.</summary>
    public string? MessageKey { get; init; }

    public static CapturedEmail From(string id, JsonElement request, DateTimeOffset receivedAt)
    {
        var to = request.GetProperty("personalizations").EnumerateArray()
            .SelectMany(personalization => personalization.GetProperty("to").EnumerateArray())
            .Select(address => address.GetProperty("email").GetString() ?? "").ToList();
        var contents = request.TryGetProperty("content", out var content) ? content.EnumerateArray().ToList() : [];
        string? Part(string type) => contents.FirstOrDefault(part => part.GetProperty("type").GetString() == type) is { ValueKind: JsonValueKind.Object } found
            ? found.GetProperty("value").GetString()
            : null;
        var attachments = request.TryGetProperty("attachments", out var files)
            ? files.EnumerateArray().Select(file => file.GetProperty("filename").GetString() ?? "").ToList()
            : [];
        return new CapturedEmail(id, receivedAt, request.GetProperty("subject").GetString() ?? "", to, Part("text/html"), Part("text/plain"), attachments)
        {
            MessageKey = SendGridOnce.HashCarriedBy(request),
        };
    }
}
