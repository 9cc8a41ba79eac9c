using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace RefugeeHome.Approvals;

/// <summary>
/// Issues and answers approval links. A token is <c>{keyId}.{HMAC of instance, purpose and issue key}</c>: it carries
/// no personal data, cannot be guessed, and is the same on every retry of the activity that issues it, so a retried
/// email carries the same link. Only its SHA-256 is stored. Answering claims the link under its ETag, then raises the
/// workflow's event with the link's id in the answer: a submission repeated after it was recorded raises the event
/// again (the first may have been lost in a crash), and the workflow takes each link's answer once. An answer is marked
/// unheard before it is recorded and unmarked once its event is raised, so one whose request died in between is passed
/// on by <see cref="PassOnUnheardAsync"/> even if nobody opens its link again.
/// </summary>
public sealed class ApprovalLinks
{
    private const string TableName = "Approvals";
    private const string CurrentPartition = "current";
    private const string ClosedRound = "closed";
    private const string UnheardPartition = "unheard";
    private const int MaxNoteLength = 2000;

    // Longer than any request lives (a function's timeout is ten minutes), so a marker whose link is still unanswered
    // after it belongs to a request that died before it recorded the answer.
    private static readonly TimeSpan UnansweredMarkerKept = TimeSpan.FromDays(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TableClient _table;
    private readonly ApprovalOptions _options;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<IApprovalGuard> _guards;

    /// <summary>Uses the table <c>Approvals</c>; <paramref name="guards"/> run before an answer is recorded.</summary>
    public ApprovalLinks(TableServiceClient tables, ApprovalOptions options, TimeProvider clock, IEnumerable<IApprovalGuard>? guards = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        _table = tables.GetTableClient(TableName);
        _options = options;
        _clock = clock;
        _guards = guards?.ToList() ?? [];
        _ = options.SigningKeyBytes();
        if (options.BaseUrl is null)
        {
            throw new InvalidOperationException("Approvals__BaseUrl is required: links are built on it, never on a request's host.");
        }

        if (options.PassOnUnheardAfter <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Approvals__PassOnUnheardAfter must be longer than zero.");
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

        var token = TokenOf(request.InstanceId, request.Purpose, request.IssueKey);
        var hash = Hash(token);
        var round = request.Round ?? hash;
        var row = new TableEntity(TokenPartition(hash), hash)
        {
            ["InstanceId"] = request.InstanceId,
            ["EventName"] = request.EventName,
            ["Purpose"] = request.Purpose,
            ["Language"] = request.Language,
            ["Title"] = request.Title,
            ["Choices"] = JsonSerializer.Serialize(request.Choices, Json),
            ["Details"] = JsonSerializer.Serialize(request.Details, Json),
            ["Fields"] = JsonSerializer.Serialize(request.Fields, Json),
            ["DocumentName"] = request.DocumentName,
            ["Round"] = round,
            ["Page"] = request.Page,
            ["ExpiresAt"] = request.ExpiresAt,
            ["IssuedAt"] = _clock.GetUtcNow(),
            ["Audience"] = request.Audience,
            ["NoteReaches"] = request.NoteReaches,
        };
        try
        {
            // The instance's own row first: a link whose token row exists is always found by its instance.
            await _table.UpsertEntityAsync(new TableEntity(InstancePartition(request.InstanceId), hash)
            {
                ["Purpose"] = request.Purpose,
                ["IssueKey"] = request.IssueKey,
                ["Audience"] = request.Audience,
                ["Page"] = request.Page,
            }, TableUpdateMode.Replace, cancellationToken);
            await _table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Issued before, by an earlier attempt or as the reminder of a question: the same link stands, and a
            // reminder renews its expiry so a link is valid as long as its question is asked.
            await RenewAsync(TokenPartition(hash), hash, request.ExpiresAt, cancellationToken);
        }

        await _table.UpsertEntityAsync(new TableEntity(CurrentPartition, CurrentKey(request.InstanceId, request.Purpose)) { ["Round"] = round },
            TableUpdateMode.Replace, cancellationToken);
        return AddressOf(request.Page, token);
    }

    /// <summary>The token of the link issued, or to be issued, for these keys; computing it issues nothing.</summary>
    public string TokenOf(string instanceId, string purpose, string issueKey) => Sign($"{instanceId}|{purpose}|{issueKey}");

    /// <summary>The address of a link's <paramref name="page"/> (<c>approve</c>, <c>upload</c>).</summary>
    public Uri AddressOf(string page, string token) => new(_options.BaseUrl!, page + "/" + token);

    /// <summary>
    /// The address of a read-only <paramref name="page"/> about <paramref name="subject"/> (no personal data: a date, a
    /// round), signed like a link, so only those it was sent to can open it.
    /// </summary>
    public Uri SignedPage(string page, string subject) => new(_options.BaseUrl!, $"{page}/{subject}/{Sign(PageText(page, subject))}");

    /// <summary>Whether <paramref name="token"/> is the signature <see cref="SignedPage"/> gave <paramref name="subject"/>.</summary>
    public bool IsSigned(string page, string subject, string token) =>
        LooksLikeToken(token) && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token), Encoding.ASCII.GetBytes(Sign(PageText(page, subject))));

    /// <summary>
    /// Closes every open link of <paramref name="purpose"/> for <paramref name="instanceId"/>, for a question the workflow
    /// stopped waiting for: the links then say the question is closed.
    /// </summary>
    public Task CloseAsync(string instanceId, string purpose, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(CurrentPartition, CurrentKey(instanceId, purpose)) { ["Round"] = ClosedRound },
            TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Closes one open link of a question that stays asked, such as one proposal of a round the matcher turned down: it
    /// then says the question is closed, and the round's other links stay open.
    /// </summary>
    public async Task WithdrawAsync(string token, CancellationToken cancellationToken)
    {
        if (await ReadAsync(token, cancellationToken) is not { } row || row.GetString("Answer") is not null)
        {
            return;
        }

        try
        {
            await _table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Withdrawn"] = true }, row.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            // Answered at the same moment: the answer stands.
        }
    }

    /// <summary>The round the links of <paramref name="purpose"/> that <paramref name="instanceId"/> asks now belong to; null when none is open.</summary>
    public async Task<string?> CurrentRoundAsync(string instanceId, string purpose, CancellationToken cancellationToken)
    {
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(CurrentPartition, CurrentKey(instanceId, purpose), cancellationToken: cancellationToken);
        return current.HasValue && current.Value!.GetString("Round") is { } round && round != ClosedRound ? round : null;
    }

    /// <summary>
    /// Closes every question <paramref name="instanceId"/> asked, for a workflow that has ended: none of its links takes
    /// an answer or a document any more.
    /// </summary>
    public async Task CloseAllAsync(string instanceId, CancellationToken cancellationToken)
    {
        await foreach (var row in _table.QueryAsync<TableEntity>(CurrentOf(instanceId), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await _table.UpsertEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Round"] = ClosedRound }, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes every link a workflow instance issued, with the notes given on them, once the household's retention
    /// period has passed. Returns how many links were deleted.
    /// </summary>
    public async Task<int> ForgetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var row in _table.QueryAsync<TableEntity>(OfInstance(instanceId), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            var token = await _table.DeleteEntityAsync(TokenPartition(row.RowKey), row.RowKey, cancellationToken: cancellationToken);
            deleted += token.Status == 404 ? 0 : 1;
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
        }

        await foreach (var row in _table.QueryAsync<TableEntity>(CurrentOf(instanceId), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
        }

        return deleted;
    }

    /// <summary>Every link <paramref name="instanceId"/> issued, oldest first, as the case's timeline shows them.</summary>
    public async Task<IReadOnlyList<IssuedLink>> LinksOfAsync(string instanceId, CancellationToken cancellationToken)
    {
        var issued = new List<IssuedLink>();
        await foreach (var index in _table.QueryAsync<TableEntity>(OfInstance(instanceId), cancellationToken: cancellationToken))
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(TokenPartition(index.RowKey), index.RowKey, cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                continue;
            }

            var row = found.Value!;
            var link = await ToLinkAsync(row, cancellationToken);
            issued.Add(new IssuedLink(link, row.GetDateTimeOffset("IssuedAt") ?? DateTimeOffset.MinValue,
                TokenOf(instanceId, link.Purpose, index.GetString("IssueKey") ?? ""))
            {
                Audience = row.GetString("Audience"),
                AnsweredAt = row.GetDateTimeOffset("AnsweredAt"),
                AnsweredBy = row.GetString("AnsweredBy") ?? (link.State == ApprovalState.Answered ? row.GetString("Audience") : null),
                Note = row.GetString("Note"),
                Values = JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Values") ?? "{}", Json) ?? [],
            });
        }

        return issued.OrderBy(link => link.IssuedAt).ToList();
    }

    /// <summary>Reads a link for its page. Changes nothing.</summary>
    public async Task<ApprovalLink> FindAsync(string token, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(token, cancellationToken);
        return row is null ? ApprovalLink.Unknown : await ToLinkAsync(row, cancellationToken);
    }

    /// <summary>
    /// Reads a link for the person it was sent to, and passes the answer recorded on it to its workflow again, when it has
    /// one: whoever opens an answered link again may be the person whose answer was recorded just before the host died,
    /// and a workflow takes a link's answer once.
    /// </summary>
    public async Task<ApprovalLink> OpenAsync(string token, IWorkflowEvents workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        if (await ReadAsync(token, cancellationToken) is not { } row)
        {
            return ApprovalLink.Unknown;
        }

        if (row.GetString("Answer") is not null)
        {
            await PassOnAsync(workflows, row, cancellationToken);
        }

        return await ToLinkAsync(row, cancellationToken);
    }

    /// <summary>
    /// Passes on every answer marked unheard at least <see cref="ApprovalOptions.PassOnUnheardAfter"/> ago and recorded
    /// on its link: its request died, or failed, between recording it and unmarking it. A marker whose link holds no
    /// answer is kept for a day, as its request may still be writing, and then dropped. One marker that fails does not
    /// hold up the others; it is tried again at the next sweep.
    /// </summary>
    public async Task<UnheardSweep> PassOnUnheardAsync(IWorkflowEvents workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var now = _clock.GetUtcNow();
        var passedOn = 0;
        var failures = new List<Exception>();
        await foreach (var marker in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {UnheardPartition} and RecordedAt lt {now - _options.PassOnUnheardAfter}"), cancellationToken: cancellationToken))
        {
            try
            {
                var found = await _table.GetEntityIfExistsAsync<TableEntity>(TokenPartition(marker.RowKey), marker.RowKey, cancellationToken: cancellationToken);
                if (found.HasValue && found.Value!.GetString("Answer") is not null)
                {
                    await RaiseAsync(workflows, found.Value, cancellationToken);
                    passedOn++;
                }
                else if (found.HasValue && marker.GetDateTimeOffset("RecordedAt") > now - UnansweredMarkerKept)
                {
                    continue;
                }

                // Under its ETag: a marker set again meanwhile belongs to an answer being recorded now.
                await DeleteMarkerAsync(marker.RowKey, marker.ETag, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add(exception);
            }
        }

        return new UnheardSweep(passedOn, failures);
    }

    /// <summary>Reads the note given with an answered link, for the workflow step that passes it on.</summary>
    public async Task<string?> ReadNoteAsync(string linkId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkId);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TokenPartition(linkId), linkId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("Note") : null;
    }

    /// <summary>Answers a link and passes the answer to the waiting workflow through <paramref name="workflows"/>.</summary>
    public async Task<Redemption> RedeemAsync(string token, ApprovalSubmission submission, IWorkflowEvents workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(workflows);
        var note = submission.Note is { Length: > MaxNoteLength } ? submission.Note[..MaxNoteLength] : submission.Note;
        IApprovalGuard? heldGuard = null;

        // Marks this request's own answer, so one whose write went through while its reply was lost still reads as recorded.
        var answerId = Guid.NewGuid().ToString("N");
        while (true)
        {
            var row = await ReadAsync(token, cancellationToken);
            if (row is null)
            {
                return new Redemption(RedeemOutcome.Unknown, ApprovalLink.Unknown, []);
            }

            var link = await ToLinkAsync(row, cancellationToken);
            if (link.State == ApprovalState.Answered && row.GetString("AnswerId") == answerId)
            {
                await PassOnAsync(workflows, row, cancellationToken);
                return new Redemption(RedeemOutcome.Recorded, link, []);
            }

            if (Settled(link, submission.Choice) is { } outcome)
            {
                if (outcome == RedeemOutcome.AlreadyRecorded)
                {
                    await PassOnAsync(workflows, row, cancellationToken);
                }
                else if (heldGuard is not null)
                {
                    await heldGuard.ReleaseAsync(link, submission, cancellationToken);
                }

                return new Redemption(outcome, link, []);
            }

            var (values, problems) = FieldValidation.Check(link.Fields, submission.Choice, submission.Values);
            if (problems.Count > 0)
            {
                return new Redemption(RedeemOutcome.InvalidValues, link, problems);
            }

            // Marked before anything is held or recorded, so an answer whose request dies from here on is passed on by the sweep.
            await _table.UpsertEntityAsync(new TableEntity(UnheardPartition, row.RowKey) { ["RecordedAt"] = _clock.GetUtcNow() },
                TableUpdateMode.Replace, cancellationToken);
            if (heldGuard is null && _guards.FirstOrDefault(candidate => candidate.Covers(link)) is { } guard)
            {
                if (await guard.AcquireAsync(link, submission, cancellationToken) is { } refusal)
                {
                    return new Redemption(RedeemOutcome.Refused, link, []) { Reason = refusal };
                }

                heldGuard = guard;
            }

            row["Answer"] = submission.Choice;
            row["Note"] = note;
            row["Values"] = JsonSerializer.Serialize(values, Json);
            row["AnsweredAt"] = _clock.GetUtcNow();
            row["AnsweredBy"] = submission.AnsweredBy;
            row["AnswerId"] = answerId;
            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // Answered at the same moment from another request: read again and report what stands.
                continue;
            }

            await PassOnAsync(workflows, row, cancellationToken);
            return new Redemption(RedeemOutcome.Recorded, link with { State = ApprovalState.Answered, Answer = submission.Choice }, []);
        }
    }

    private async Task RenewAsync(string partition, string hash, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var row = (await _table.GetEntityAsync<TableEntity>(partition, hash, cancellationToken: cancellationToken)).Value;
        if (row.GetString("Answer") is not null || row.GetDateTimeOffset("ExpiresAt") >= expiresAt)
        {
            return;
        }

        row["ExpiresAt"] = expiresAt;
        try
        {
            await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            // Answered or renewed at the same moment: what stands is at least as recent.
        }
    }

    private static RedeemOutcome? Settled(ApprovalLink link, string choice) => link.State switch
    {
        ApprovalState.Answered when link.Answer == choice => RedeemOutcome.AlreadyRecorded,
        ApprovalState.Answered => RedeemOutcome.AnsweredOtherwise,
        ApprovalState.Expired => RedeemOutcome.Expired,
        ApprovalState.Superseded => RedeemOutcome.Superseded,
        ApprovalState.Closed => RedeemOutcome.Closed,
        _ when link.Choices.All(offered => offered.Value != choice) => RedeemOutcome.InvalidChoice,
        _ => null,
    };

    // Raises the workflow's event, then unmarks the answer: the request that recorded it has passed it on.
    private async Task PassOnAsync(IWorkflowEvents workflows, TableEntity row, CancellationToken cancellationToken)
    {
        await RaiseAsync(workflows, row, cancellationToken);
        try
        {
            await DeleteMarkerAsync(row.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException)
        {
            // The answer has reached its workflow; a marker left behind makes the sweep pass it on once more, which the
            // workflow ignores, and remove it. The person who answered gets their page.
        }
    }

    private Task RaiseAsync(IWorkflowEvents workflows, TableEntity row, CancellationToken cancellationToken) =>
        workflows.RaiseAsync(
            row.GetString("InstanceId"), row.GetString("EventName"),
            new ApprovalAnswer(
                row.GetString("Purpose"),
                row.GetString("Answer"),
                JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Values") ?? "{}", Json) ?? [],
                row.RowKey,
                row.GetDateTimeOffset("AnsweredAt") ?? _clock.GetUtcNow()),
            cancellationToken);

    private async Task DeleteMarkerAsync(string hash, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(UnheardPartition, hash, etag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            // Marked again since it was read: an answer is being recorded now, and its own request unmarks it.
        }
    }

    private async Task<ApprovalLink> ToLinkAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var choices = JsonSerializer.Deserialize<List<ApprovalChoice>>(row.GetString("Choices"), Json) ?? [];
        var answer = row.GetString("Answer");
        var link = new ApprovalLink(ApprovalState.Open, row.GetString("Language"), row.GetString("Title"), choices, answer)
        {
            Id = row.RowKey,
            InstanceId = row.GetString("InstanceId"),
            Purpose = row.GetString("Purpose"),
            Details = JsonSerializer.Deserialize<List<string>>(row.GetString("Details") ?? "[]", Json) ?? [],
            Fields = JsonSerializer.Deserialize<List<ApprovalField>>(row.GetString("Fields") ?? "[]", Json) ?? [],
            DocumentName = row.GetString("DocumentName"),
            Page = row.GetString("Page") ?? "approve",
            Audience = row.GetString("Audience"),
            NoteReaches = row.GetString("NoteReaches"),
        };
        if (answer is not null)
        {
            return link with { State = ApprovalState.Answered };
        }

        if (row.GetBoolean("Withdrawn") == true)
        {
            return link with { State = ApprovalState.Closed };
        }

        // Superseded before expired: pointing at the newer link helps more than saying this one ran out. Expired before
        // closed: a question closed because its deadline passed (a VOG never uploaded) says why.
        var expired = row.GetDateTimeOffset("ExpiresAt") <= _clock.GetUtcNow();
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(
            CurrentPartition, CurrentKey(link.InstanceId, link.Purpose), cancellationToken: cancellationToken);
        if (current.HasValue && current.Value!.GetString("Round") is var round && round != (row.GetString("Round") ?? row.RowKey))
        {
            if (round != ClosedRound)
            {
                return link with { State = ApprovalState.Superseded };
            }

            if (!expired)
            {
                return link with { State = ApprovalState.Closed };
            }
        }

        return expired ? link with { State = ApprovalState.Expired } : link;
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

    private string Sign(string text) => _options.KeyId + "." + Base64Url(HMACSHA256.HashData(_options.SigningKeyBytes(), Encoding.UTF8.GetBytes(text)));

    // The leading separator keeps page signatures apart from link tokens, whose text starts with an instance id.
    private static string PageText(string page, string subject) => $"|page|{page}|{subject}";

    private static bool LooksLikeToken(string token) =>
        token is { Length: > 10 and < 120 } && token.Count(c => c == '.') == 1 &&
        token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    // Spreads token rows over 256 partitions.
    private static string TokenPartition(string hash) => "t" + hash[..2];

    // One partition per instance lists its links, so its timeline and its retention need no scan of the table.
    private static string InstancePartition(string instanceId) => "i|" + instanceId;

    private static string OfInstance(string instanceId) => TableClient.CreateQueryFilter($"PartitionKey eq {InstancePartition(instanceId)}");

    // The current-round rows of one instance: their keys start with the instance id and a bar, which sorts just before a brace.
    private static string CurrentOf(string instanceId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {CurrentPartition} and RowKey ge {instanceId + "|"} and RowKey lt {instanceId + "}"}");

    private static string CurrentKey(string instanceId, string purpose) => string.Create(CultureInfo.InvariantCulture, $"{instanceId}|{purpose}");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
