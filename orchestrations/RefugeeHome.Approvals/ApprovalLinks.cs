using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RefugeeHome.Durable;

namespace RefugeeHome.Approvals;

/// <summary>
/// Issues and answers approval links. A token is <c>{keyId}.{HMAC of instance, purpose and issue key}</c>: it carries
/// no personal data, cannot be guessed, and is the same on every retry of the activity that issues it, so a retried
/// email carries the same link. Only its SHA-256 is stored. Answering claims the link under its ETag, then raises the
/// workflow's event with the link as event id, so a double submission changes state once.
/// </summary>
public sealed class ApprovalLinks
{
    private const string CurrentPartition = "current";
    private const int MaxNoteLength = 2000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TableClient _table;
    private readonly DurableTaskClient _workflows;
    private readonly ApprovalOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Uses the table <c>Approvals</c>.</summary>
    public ApprovalLinks(TableServiceClient tables, DurableTaskClient workflows, ApprovalOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        _table = tables.GetTableClient("Approvals");
        _workflows = workflows;
        _options = options;
        _clock = clock;
        _ = options.SigningKeyBytes();
        if (options.BaseUrl is null)
        {
            throw new InvalidOperationException("Approvals__BaseUrl is required: links are built on it, never on a request's host.");
        }
    }

    /// <summary>Creates the table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Issues the link for <paramref name="request"/>, or returns the one already issued for its issue key.</summary>
    public async Task<Uri> IssueAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Choices.Count == 0)
        {
            throw new ArgumentException("An approval link needs at least one choice.", nameof(request));
        }

        var token = Mint(request);
        var hash = Hash(token);
        var row = new TableEntity(TokenPartition(hash), hash)
        {
            ["InstanceId"] = request.InstanceId,
            ["EventName"] = request.EventName,
            ["Purpose"] = request.Purpose,
            ["Language"] = request.Language,
            ["Title"] = request.Title,
            ["Choices"] = JsonSerializer.Serialize(request.Choices, Json),
            ["ExpiresAt"] = request.ExpiresAt,
            ["IssuedAt"] = _clock.GetUtcNow(),
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Issued before by an earlier attempt of the same activity: the same link stands.
        }

        await _table.UpsertEntityAsync(new TableEntity(CurrentPartition, CurrentKey(request.InstanceId, request.Purpose)) { ["Hash"] = hash },
            TableUpdateMode.Replace, cancellationToken);
        return new Uri(_options.BaseUrl!, "approve/" + token);
    }

    /// <summary>Reads a link for its page. Changes nothing.</summary>
    public async Task<ApprovalLink> FindAsync(string token, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(token, cancellationToken);
        return row is null ? ApprovalLink.Unknown : await ToLinkAsync(row, cancellationToken);
    }

    /// <summary>Answers a link with <paramref name="choice"/> and passes the answer to the waiting workflow.</summary>
    public async Task<(RedeemOutcome Outcome, ApprovalLink Link)> RedeemAsync(string token, string choice, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (note is { Length: > MaxNoteLength })
        {
            note = note[..MaxNoteLength];
        }

        while (true)
        {
            var row = await ReadAsync(token, cancellationToken);
            if (row is null)
            {
                return (RedeemOutcome.Unknown, ApprovalLink.Unknown);
            }

            var link = await ToLinkAsync(row, cancellationToken);
            switch (link.State)
            {
                case ApprovalState.Answered when link.Answer == choice:
                    await RaiseAsync(row, cancellationToken);
                    return (RedeemOutcome.AlreadyRecorded, link);
                case ApprovalState.Answered:
                    return (RedeemOutcome.AnsweredOtherwise, link);
                case ApprovalState.Expired:
                    return (RedeemOutcome.Expired, link);
                case ApprovalState.Superseded:
                    return (RedeemOutcome.Superseded, link);
            }

            if (link.Choices.All(offered => offered.Value != choice))
            {
                return (RedeemOutcome.InvalidChoice, link);
            }

            row["Answer"] = choice;
            row["Note"] = note;
            row["AnsweredAt"] = _clock.GetUtcNow();
            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // Answered at the same moment from another request: read again and report what stands.
                continue;
            }

            await RaiseAsync(row, cancellationToken);
            return (RedeemOutcome.Recorded, link with { State = ApprovalState.Answered, Answer = choice });
        }
    }

    private Task RaiseAsync(TableEntity row, CancellationToken cancellationToken) =>
        _workflows.RaiseEventAsync(
            row.GetString("InstanceId"), row.GetString("EventName"),
            new ApprovalAnswer(row.GetString("Answer"), row.GetString("Note"), row.GetDateTimeOffset("AnsweredAt") ?? _clock.GetUtcNow()),
            eventId: "approval-" + row.RowKey, cancellationToken: cancellationToken);

    private async Task<ApprovalLink> ToLinkAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var choices = JsonSerializer.Deserialize<List<ApprovalChoice>>(row.GetString("Choices"), Json) ?? [];
        var answer = row.GetString("Answer");
        var link = new ApprovalLink(ApprovalState.Open, row.GetString("Language"), row.GetString("Title"), choices, answer);
        if (answer is not null)
        {
            return link with { State = ApprovalState.Answered };
        }

        // Superseded before expired: pointing at the newer link helps more than saying this one ran out.
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(
            CurrentPartition, CurrentKey(row.GetString("InstanceId"), row.GetString("Purpose")), cancellationToken: cancellationToken);
        if (current.HasValue && current.Value!.GetString("Hash") != row.RowKey)
        {
            return link with { State = ApprovalState.Superseded };
        }

        return row.GetDateTimeOffset("ExpiresAt") <= _clock.GetUtcNow() ? link with { State = ApprovalState.Expired } : link;
    }

    private async Task<TableEntity?> ReadAsync(string token, CancellationToken cancellationToken)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }

        var hash = Hash(token);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TokenPartition(hash), hash, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private string Mint(ApprovalRequest request)
    {
        var mac = HMACSHA256.HashData(_options.SigningKeyBytes(),
            Encoding.UTF8.GetBytes($"{request.InstanceId}|{request.Purpose}|{request.IssueKey}"));
        return _options.KeyId + "." + Base64Url(mac);
    }

    private static bool LooksLikeToken(string token) =>
        token is { Length: > 10 and < 120 } && token.Count(c => c == '.') == 1 &&
        token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    // Spreads token rows over 256 partitions.
    private static string TokenPartition(string hash) => "t" + hash[..2];

    private static string CurrentKey(string instanceId, string purpose) => string.Create(CultureInfo.InvariantCulture, $"{instanceId}|{purpose}");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
