using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RefugeeHome.Matching;
using RefugeeHome.Matching.Municipalities;
using RefugeeHome.Storage;

namespace RefugeeHome.Registrations;

/// <summary>What registering did.</summary>
public enum RegistrationOutcome
{
    /// <summary>A new household was registered.</summary>
    Registered,

    /// <summary>The same form was submitted before; nothing new was created.</summary>
    SameSubmission,

    /// <summary>The household is already registered (same email, phone or address); nothing new was created and the duplicate is flagged.</summary>
    AlreadyRegistered,
}

/// <summary>The result of a registration, with the status of the household's journey when it existed already.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="HouseholdId">The household's opaque id.</param>
/// <param name="Status">The journey's status (for an existing household, what the registrant is told).</param>
public sealed record RegistrationResult(RegistrationOutcome Outcome, string HouseholdId, string Status);

/// <summary>What the workflows read of a host household: how to address it and what it offers, never its address.</summary>
/// <param name="HostId">The household's opaque id.</param>
/// <param name="Language">Language of its emails.</param>
/// <param name="FirstName">First name of the contact person, for the greeting.</param>
/// <param name="LastName">Last name of the contact person.</param>
/// <param name="Email">Where its emails go.</param>
/// <param name="Phone">Phone number, for the screener and the connector.</param>
/// <param name="Address">Street, house number and postcode, for the supporter's visit.</param>
/// <param name="Municipality">Its municipality.</param>
/// <param name="Status">Where its journey stands.</param>
/// <param name="Capacity">How many people can stay.</param>
/// <param name="AvailableFrom">First day guests can move in.</param>
/// <param name="AvailableUntil">Last day, if any.</param>
/// <param name="Preferences">What it accepts and offers.</param>
/// <param name="DuplicateAttempts">How often someone tried to register it again.</param>
public sealed record HostRecord(
    string HostId, string Language, string FirstName, string LastName, string Email, string Phone, string Address, string Municipality, string Status,
    int Capacity, DateOnly AvailableFrom, DateOnly? AvailableUntil, HostPreferences Preferences, int DuplicateAttempts);

/// <summary>What a host household accepts and offers, as registered.</summary>
/// <param name="AcceptsChildren">Minors are welcome.</param>
/// <param name="AcceptedPets">Pet kinds accepted.</param>
/// <param name="StepFree">No stairs to the guests' room.</param>
/// <param name="Languages">Languages spoken.</param>
/// <param name="Accommodation">The guests' living space.</param>
/// <param name="SmokeFree">A smoke-free home.</param>
/// <param name="AcceptedHouseholds">Household kinds accepted; empty means any.</param>
/// <param name="WelcomesFamilies">A family with children is welcome.</param>
public sealed record HostPreferences(
    bool AcceptsChildren, IReadOnlyList<PetKind> AcceptedPets, bool StepFree, IReadOnlyList<string> Languages,
    Accommodation Accommodation, bool SmokeFree, IReadOnlyList<HouseholdKind> AcceptedHouseholds, bool WelcomesFamilies);

/// <summary>
/// Registers host households once. The household row and its keys (submission id, email, phone, address) share one
/// partition and are written in one transaction, so a household exists with all its keys or not at all. A second
/// registration with any of the same keys creates nothing: it gets the existing household and its status, so a host
/// rejected in screening cannot register again unnoticed, and the existing row counts the duplicate for the screener.
/// </summary>
public sealed class HostRegistry(TableServiceClient tables, TimeProvider clock)
{
    /// <summary>Status of a newly registered household.</summary>
    public const string NewStatus = "Registered";

    private const string Partition = "hosts";
    private const string CorrectionColumn = "Correction";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = tables.GetTableClient("HostRegistrations");

    /// <summary>Creates the table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Registers a validated registration (see <see cref="HostRegistrationValidation"/>).</summary>
    public async Task<RegistrationResult> RegisterAsync(HostRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var hostId = "host-" + Guid.NewGuid().ToString("N");
        var keys = new[]
        {
            "submission|" + registration.SubmissionId,
            RegistrationKeys.Email(registration.Email),
            RegistrationKeys.Phone(registration.Phone),
            RegistrationKeys.Address(registration.Postcode, registration.HouseNumber),
        };
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, HostRow(hostId, registration)) };
        actions.AddRange(keys.Distinct(StringComparer.Ordinal).Select(key =>
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, "key|" + key) { ["HostId"] = hostId })));
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return new RegistrationResult(RegistrationOutcome.Registered, hostId, NewStatus);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            return await ExistingAsync(keys, cancellationToken);
        }
    }

    /// <summary>Sets the journey's status of a household (for the journey to keep up to date).</summary>
    public Task SetStatusAsync(string hostId, string status, CancellationToken cancellationToken) =>
        _table.ApplyAsync(Partition, "host|" + hostId, row => row["Status"] = status, cancellationToken);

    /// <summary>Reads a household, or null when it is unknown or forgotten.</summary>
    public async Task<HostRecord?> FindAsync(string hostId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "host|" + hostId, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var row = found.Value!;
        return new HostRecord(
            hostId, row.GetString("Language"), row.GetString("FirstName"), row.GetString("LastName"), row.GetString("Email"), row.GetString("Phone"),
            $"{row.GetString("Street")} {row.GetString("HouseNumber")}, {row.GetString("Postcode")}", row.GetString("Municipality"), row.GetString("Status"),
            row.GetInt32("Capacity") ?? 0,
            DateOnly.ParseExact(row.GetString("AvailableFrom"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            row.GetString("AvailableUntil") is { } until ? DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            JsonSerializer.Deserialize<HostPreferences>(row.GetString("Preferences"), Json)!,
            row.GetInt32("DuplicateAttempts") ?? 0);
    }

    /// <summary>Keeps <paramref name="correction"/> for the household's workflow to apply; a later one replaces it.</summary>
    public Task RequestCorrectionAsync(string hostId, HostCorrection correction, CancellationToken cancellationToken) =>
        _table.ApplyAsync(Partition, "host|" + hostId, row => row[CorrectionColumn] = JsonSerializer.Serialize(correction, Json), cancellationToken);

    /// <summary>The correction waiting to be applied, or null.</summary>
    public async Task<HostCorrection?> PendingCorrectionAsync(string hostId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "host|" + hostId, cancellationToken: cancellationToken);
        return found.HasValue && found.Value!.GetString(CorrectionColumn) is { } pending ? JsonSerializer.Deserialize<HostCorrection>(pending, Json) : null;
    }

    /// <summary>Which of <paramref name="correction"/>'s email and phone already find another household (<c>Email</c>, <c>Phone</c>).</summary>
    public async Task<IReadOnlyList<string>> TakenByOthersAsync(string hostId, HostCorrection correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var taken = new List<string>();
        foreach (var (field, key) in new[] { ("Email", RegistrationKeys.Email(correction.Email)), ("Phone", RegistrationKeys.Phone(correction.Phone)) })
        {
            var owner = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "key|" + key, cancellationToken: cancellationToken);
            if (owner.HasValue && owner.Value!.GetString("HostId") != hostId)
            {
                taken.Add(field);
            }
        }

        return taken;
    }

    /// <summary>
    /// Applies the pending correction in one transaction with the keys that find the household again, so the old email
    /// and phone no longer do and the new ones do. An email or phone that became another household's key meanwhile is
    /// left as it was. False when no correction was pending.
    /// </summary>
    public async Task<bool> ApplyCorrectionAsync(string hostId, CancellationToken cancellationToken)
    {
        var keepContact = false;
        while (true)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "host|" + hostId, cancellationToken: cancellationToken);
            if (!found.HasValue || found.Value!.GetString(CorrectionColumn) is not { } pending)
            {
                return false;
            }

            var row = found.Value!;
            var correction = JsonSerializer.Deserialize<HostCorrection>(pending, Json)!;
            var actions = new List<TableTransactionAction>();
            if (!keepContact)
            {
                actions.AddRange(KeyChange(hostId, RegistrationKeys.Email(row.GetString("Email")), RegistrationKeys.Email(correction.Email)));
                actions.AddRange(KeyChange(hostId, RegistrationKeys.Phone(row.GetString("Phone")), RegistrationKeys.Phone(correction.Phone)));
                row["Email"] = correction.Email.Trim();
                row["Phone"] = correction.Phone.Trim();
            }

            var preferences = JsonSerializer.Deserialize<HostPreferences>(row.GetString("Preferences"), Json)!;
            row["Preferences"] = JsonSerializer.Serialize(preferences with { Languages = correction.Languages }, Json);
            row["Municipality"] = MunicipalityNames.Default.Normalize(correction.Municipality);
            row.Remove(CorrectionColumn);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag));
            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 412)
            {
                // Changed at the same moment elsewhere: read again.
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 409)
            {
                keepContact = true;
            }
        }
    }

    private static IEnumerable<TableTransactionAction> KeyChange(string hostId, string previous, string next) => previous == next
        ? []
        : [new(TableTransactionActionType.Delete, new TableEntity(Partition, "key|" + previous), ETag.All),
           new(TableTransactionActionType.Add, new TableEntity(Partition, "key|" + next) { ["HostId"] = hostId })];

    /// <summary>
    /// Deletes a household's personal data and its duplicate keys once its retention period has passed. Returns false
    /// when there was nothing left to delete.
    /// </summary>
    public async Task<bool> ForgetAsync(string hostId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "host|" + hostId, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return false;
        }

        var row = found.Value!;
        var keys = new[]
        {
            "submission|" + row.GetString("SubmissionId"),
            RegistrationKeys.Email(row.GetString("Email")),
            RegistrationKeys.Phone(row.GetString("Phone")),
            RegistrationKeys.Address(row.GetString("Postcode"), row.GetString("HouseNumber")),
        };
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            await _table.DeleteEntityAsync(Partition, "key|" + key, cancellationToken: cancellationToken);
        }

        await _table.DeleteEntityAsync(Partition, row.RowKey, cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>How often someone tried to register this household again.</summary>
    public async Task<int> DuplicateAttemptsAsync(string hostId, CancellationToken cancellationToken) =>
        (await _table.GetEntityAsync<TableEntity>(Partition, "host|" + hostId, cancellationToken: cancellationToken)).Value.GetInt32("DuplicateAttempts") ?? 0;

    private async Task<RegistrationResult> ExistingAsync(string[] keys, CancellationToken cancellationToken)
    {
        for (var index = 0; index < keys.Length; index++)
        {
            var key = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "key|" + keys[index], cancellationToken: cancellationToken);
            if (!key.HasValue)
            {
                continue;
            }

            var hostId = key.Value!.GetString("HostId");
            var sameSubmission = index == 0;
            var status = sameSubmission
                ? (await _table.GetEntityAsync<TableEntity>(Partition, "host|" + hostId, cancellationToken: cancellationToken)).Value.GetString("Status")
                : await FlagDuplicateAsync(hostId, cancellationToken);
            return new RegistrationResult(sameSubmission ? RegistrationOutcome.SameSubmission : RegistrationOutcome.AlreadyRegistered, hostId, status);
        }

        throw new InvalidOperationException("A registration conflicted, but none of its keys exists; the household row exists without its keys.");
    }

    private async Task<string> FlagDuplicateAsync(string hostId, CancellationToken cancellationToken)
    {
        var row = await _table.ApplyAsync(Partition, "host|" + hostId, row =>
        {
            row["DuplicateAttempts"] = (row.GetInt32("DuplicateAttempts") ?? 0) + 1;
            row["LastDuplicateAttemptAt"] = clock.GetUtcNow();
        }, cancellationToken);
        return row.GetString("Status");
    }

    private TableEntity HostRow(string hostId, HostRegistration registration) => new(Partition, "host|" + hostId)
    {
        ["SubmissionId"] = registration.SubmissionId,
        ["Language"] = registration.Language,
        ["FirstName"] = registration.FirstName.Trim(),
        ["LastName"] = registration.LastName.Trim(),
        ["Email"] = registration.Email.Trim(),
        ["Phone"] = registration.Phone.Trim(),
        ["Street"] = registration.Street.Trim(),
        ["HouseNumber"] = registration.HouseNumber.Trim(),
        ["Postcode"] = registration.Postcode.Trim().ToUpperInvariant(),
        ["Municipality"] = MunicipalityNames.Default.Normalize(registration.Municipality),
        ["Capacity"] = registration.Capacity,
        ["AvailableFrom"] = registration.AvailableFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["AvailableUntil"] = registration.AvailableUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Preferences"] = JsonSerializer.Serialize(new HostPreferences(
            registration.AcceptsChildren, registration.AcceptedPets, registration.StepFree, registration.Languages,
            registration.Accommodation, registration.SmokeFree, registration.AcceptedHouseholds, registration.WelcomesFamilies), Json),
        ["Status"] = NewStatus,
        ["RegisteredAt"] = clock.GetUtcNow(),
        ["DuplicateAttempts"] = 0,
    };
}
