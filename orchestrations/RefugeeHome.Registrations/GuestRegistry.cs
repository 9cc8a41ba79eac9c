using System.Text.Json;
using Azure.Data.Tables;
using RefugeeHome.Matching.Municipalities;
using RefugeeHome.Storage;

namespace RefugeeHome.Registrations;

/// <summary>A guest household as the workflows read it.</summary>
/// <param name="GuestId">The household's opaque id.</param>
/// <param name="Registration">What the caseworker registered.</param>
/// <param name="Status">Where its intake stands.</param>
/// <param name="WaitingSince">When it started waiting for a match, once it waits.</param>
/// <param name="RematchPriority">An earlier placement ended early, so matching gives it priority.</param>
public sealed record GuestRecord(string GuestId, GuestRegistration Registration, string Status, DateOnly? WaitingSince, bool RematchPriority);

/// <summary>
/// Registers guest households once per form submission. The household row and its submission key share a partition and
/// are written in one transaction, so a double-submitted form registers one household.
/// </summary>
public sealed class GuestRegistry(TableServiceClient tables, TimeProvider clock)
{
    /// <summary>Status of a newly registered household.</summary>
    public const string NewStatus = "Registered";

    private const string Partition = "guests";
    private const string CorrectionColumn = "Correction";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = tables.GetTableClient("GuestRegistrations");

    /// <summary>Creates the table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Registers a validated registration (see <see cref="GuestRegistrationValidation"/>).</summary>
    public async Task<RegistrationResult> RegisterAsync(GuestRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var guestId = "guest-" + Guid.NewGuid().ToString("N");
        var submissionKey = "key|submission|" + registration.SubmissionId;
        try
        {
            await _table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity(Partition, "guest|" + guestId)
                {
                    // Municipalities as the country's list writes them, however they were typed.
                    ["Registration"] = JsonSerializer.Serialize(registration with
                    {
                        Municipality = MunicipalityNames.Default.Normalize(registration.Municipality),
                        PreferredMunicipality = registration.PreferredMunicipality is { Length: > 0 } wished ? MunicipalityNames.Default.Normalize(wished) : null,
                    }, Json),
                    ["Status"] = NewStatus,
                    ["RegisteredAt"] = clock.GetUtcNow(),
                }),
                new(TableTransactionActionType.Add, new TableEntity(Partition, submissionKey) { ["GuestId"] = guestId }),
            ], cancellationToken);
            return new RegistrationResult(RegistrationOutcome.Registered, guestId, NewStatus);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            var existing = (await _table.GetEntityAsync<TableEntity>(Partition, submissionKey, cancellationToken: cancellationToken)).Value.GetString("GuestId");
            var record = await FindAsync(existing, cancellationToken);
            return new RegistrationResult(RegistrationOutcome.SameSubmission, existing, record?.Status ?? NewStatus);
        }
    }

    /// <summary>Reads a household, or null when it is unknown or forgotten.</summary>
    public async Task<GuestRecord?> FindAsync(string guestId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "guest|" + guestId, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        return ToRecord(found.Value!);
    }

    private static GuestRecord ToRecord(TableEntity row)
    {
        var waitingSince = row.GetDateTimeOffset("WaitingSince");
        return new GuestRecord(row.RowKey["guest|".Length..], JsonSerializer.Deserialize<GuestRegistration>(row.GetString("Registration"), Json)!, row.GetString("Status"),
            waitingSince is { } since ? DateOnly.FromDateTime(since.UtcDateTime) : null, row.GetBoolean("RematchPriority") ?? false);
    }

    /// <summary>Every household with <paramref name="status"/> (a scan: for daily overviews, not for a hot path).</summary>
    public async Task<IReadOnlyList<GuestRecord>> WithStatusAsync(string status, CancellationToken cancellationToken)
    {
        var records = new List<GuestRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Status eq {status}"), cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(row));
        }

        return records;
    }

    /// <summary>
    /// Sets where the intake stands. <paramref name="waitingSince"/> and <paramref name="rematchPriority"/> are kept
    /// when given and left as they were when null.
    /// </summary>
    public Task SetStatusAsync(string guestId, string status, DateTimeOffset? waitingSince, bool? rematchPriority, CancellationToken cancellationToken) =>
        _table.ApplyAsync(Partition, "guest|" + guestId, row =>
        {
            row["Status"] = status;
            if (waitingSince is not null)
            {
                row["WaitingSince"] = waitingSince;
            }

            if (rematchPriority is not null)
            {
                row["RematchPriority"] = rematchPriority;
            }
        }, cancellationToken);

    /// <summary>Keeps <paramref name="correction"/> for the household's workflow to apply; a later one replaces it.</summary>
    public Task RequestCorrectionAsync(string guestId, GuestCorrection correction, CancellationToken cancellationToken) =>
        _table.ApplyAsync(Partition, "guest|" + guestId, row => row[CorrectionColumn] = JsonSerializer.Serialize(correction, Json), cancellationToken);

    /// <summary>The correction waiting to be applied, or null.</summary>
    public async Task<GuestCorrection?> PendingCorrectionAsync(string guestId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "guest|" + guestId, cancellationToken: cancellationToken);
        return found.HasValue && found.Value!.GetString(CorrectionColumn) is { } pending ? JsonSerializer.Deserialize<GuestCorrection>(pending, Json) : null;
    }

    /// <summary>Applies the pending correction to the registration; false when none was pending.</summary>
    public async Task<bool> ApplyCorrectionAsync(string guestId, CancellationToken cancellationToken)
    {
        var applied = false;
        await _table.ApplyAsync(Partition, "guest|" + guestId, row =>
        {
            applied = row.GetString(CorrectionColumn) is not null;
            if (!applied)
            {
                return;
            }

            var correction = JsonSerializer.Deserialize<GuestCorrection>(row.GetString(CorrectionColumn), Json)!;
            var registration = JsonSerializer.Deserialize<GuestRegistration>(row.GetString("Registration"), Json)!;
            row["Registration"] = JsonSerializer.Serialize(registration with
            {
                Municipality = MunicipalityNames.Default.Normalize(correction.Municipality),
                EligibilityRecorded = correction.EligibilityRecorded,
                HouseholdLanguage = correction.HouseholdLanguage,
                Languages = correction.Languages,
                ContactEmail = string.IsNullOrWhiteSpace(correction.ContactEmail) ? null : correction.ContactEmail.Trim(),
                ContactPhone = string.IsNullOrWhiteSpace(correction.ContactPhone) ? null : correction.ContactPhone.Trim(),
            }, Json);
            row.Remove(CorrectionColumn);
        }, cancellationToken);
        return applied;
    }

    /// <summary>Deletes a household's registration once its retention period has passed.</summary>
    public async Task<bool> ForgetAsync(string guestId, CancellationToken cancellationToken)
    {
        var record = await FindAsync(guestId, cancellationToken);
        if (record is null)
        {
            return false;
        }

        await _table.DeleteEntityAsync(Partition, "key|submission|" + record.Registration.SubmissionId, cancellationToken: cancellationToken);
        await _table.DeleteEntityAsync(Partition, "guest|" + guestId, cancellationToken: cancellationToken);
        return true;
    }
}
