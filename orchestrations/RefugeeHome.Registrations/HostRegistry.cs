using Azure;
using Azure.Data.Tables;

namespace RefugeeHome.Registrations;

/// <summary>What registering did.</summary>
public enum RegistrationOutcome
{
    /// <summary>A new host household was registered.</summary>
    Registered,

    /// <summary>The same form was submitted before; nothing new was created.</summary>
    SameSubmission,

    /// <summary>The household is already registered (same email, phone or address); nothing new was created and the duplicate is flagged.</summary>
    AlreadyRegistered,
}

/// <summary>The result of a registration, with the status of the household's journey when it existed already.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="HostId">The household's opaque id.</param>
/// <param name="Status">The journey's status (for an existing household, what the registrant is told).</param>
public sealed record RegistrationResult(RegistrationOutcome Outcome, string HostId, string Status);

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
    public async Task SetStatusAsync(string hostId, string status, CancellationToken cancellationToken)
    {
        var row = (await _table.GetEntityAsync<TableEntity>(Partition, "host|" + hostId, cancellationToken: cancellationToken)).Value;
        row["Status"] = status;
        await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
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
        while (true)
        {
            var row = (await _table.GetEntityAsync<TableEntity>(Partition, "host|" + hostId, cancellationToken: cancellationToken)).Value;
            row["DuplicateAttempts"] = (row.GetInt32("DuplicateAttempts") ?? 0) + 1;
            row["LastDuplicateAttemptAt"] = clock.GetUtcNow();
            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return row.GetString("Status");
            }
            catch (RequestFailedException conflict) when (conflict.Status == 412)
            {
                // Flagged at the same moment by another attempt: count again on the fresh row.
            }
        }
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
        ["Municipality"] = registration.Municipality.Trim(),
        ["Capacity"] = registration.Capacity,
        ["AvailableFrom"] = registration.AvailableFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["AvailableUntil"] = registration.AvailableUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Status"] = NewStatus,
        ["RegisteredAt"] = clock.GetUtcNow(),
        ["DuplicateAttempts"] = 0,
    };
}
