using RefugeeHome.Cases;
using RefugeeHome.Matching.Municipalities;
using RefugeeHome.Registrations;

namespace RefugeeHome.Workflows.Activities;

/// <summary>
/// Keeps the console's index of cases and their timelines: where each case stands, with the names and places staff
/// search it by, read from the registrations here so that workflow history holds ids and codes only.
/// </summary>
public sealed class CaseActivities(
    CaseIndex index, CaseTimeline timeline, HostRegistry hosts, GuestRegistry guests, PlacementRecords placements, WorkflowOptions options)
{
    /// <summary>Records the stage a case entered; false when its data has been forgotten.</summary>
    public async Task<bool> RecordStageAsync(CaseStage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var since = new DateTimeOffset(stage.At, TimeSpan.Zero);
        if (await DescribeAsync(stage, since, cancellationToken) is not { } summary)
        {
            return false;
        }

        // A step run again after a later one was recorded finds a newer stage and leaves it.
        await index.RecordAsync(stage.CaseId, current => current is not null && current.Since > since
            ? null
            : summary with { ErasureRequested = current?.ErasureRequested ?? false }, cancellationToken);
        await timeline.AddAsync(stage.CaseId, new TimelineEntry("stage|" + stage.Key, since, TimelineKind.Stage, stage.Stage) { Role = stage.WaitingFor }, cancellationToken);
        return true;
    }

    /// <summary>Reads a household's names, contact details and place into its case again, after a correction.</summary>
    public async Task RefreshAsync(string caseId, CancellationToken cancellationToken)
    {
        var host = CaseKinds.Of(caseId) == CaseKind.Host ? await hosts.FindAsync(caseId, cancellationToken) : null;
        var guest = CaseKinds.Of(caseId) == CaseKind.Guest ? await guests.FindAsync(caseId, cancellationToken) : null;
        await index.RecordAsync(caseId, current => current is null ? null
            : host is not null ? WithHost(current, host)
            : guest is not null ? WithGuest(current, guest)
            : null, cancellationToken);
    }

    /// <summary>Deletes a case's index row and timeline with the rest of its data.</summary>
    public async Task ForgetAsync(string caseId, CancellationToken cancellationToken)
    {
        await timeline.ForgetAsync(caseId, cancellationToken);
        await index.ForgetAsync(caseId, cancellationToken);
    }

    private async Task<CaseSummary?> DescribeAsync(CaseStage stage, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var kind = CaseKinds.Of(stage.CaseId) ?? throw new ArgumentException($"'{stage.CaseId}' is not a case.", nameof(stage));
        var summary = new CaseSummary(stage.CaseId, kind, stage.Stage, stage.WaitingFor, since, stage.Ended ? null : DueAt(stage, since))
        {
            PlacementId = stage.PlacementId,
            Ended = stage.Ended,
        };
        switch (kind)
        {
            case CaseKind.Host:
                var host = await hosts.FindAsync(stage.CaseId, cancellationToken);
                return host is null ? null : WithHost(summary, host);
            case CaseKind.Guest:
                var guest = await guests.FindAsync(stage.CaseId, cancellationToken);
                return guest is null ? null : WithGuest(summary, guest);
            default:
                var placement = await placements.FindAsync(stage.CaseId, cancellationToken);
                if (placement is null)
                {
                    return null;
                }

                var hostOfPlacement = placement.TryGetValue("HostId", out var hostId) ? await hosts.FindAsync(hostId, cancellationToken) : null;
                var guestOfPlacement = placement.TryGetValue("GuestId", out var guestId) ? await guests.FindAsync(guestId, cancellationToken) : null;
                return summary with
                {
                    Name = string.Join(" · ", new[] { hostOfPlacement is null ? null : HostName(hostOfPlacement), guestOfPlacement?.Registration.ContactName }.OfType<string>()),
                    Municipality = hostOfPlacement?.Municipality,
                    Province = ProvinceOf(hostOfPlacement?.Municipality),
                    HostId = hostId,
                    GuestId = guestId,
                    CaseworkerEmail = guestOfPlacement?.Registration.CaseworkerEmail,
                };
        }
    }

    private static CaseSummary WithHost(CaseSummary summary, HostRecord host) => summary with
    {
        Name = HostName(host),
        Email = host.Email,
        Phone = host.Phone,
        Municipality = host.Municipality,
        Province = ProvinceOf(host.Municipality),
        HostId = host.HostId,
    };

    private static CaseSummary WithGuest(CaseSummary summary, GuestRecord guest) => summary with
    {
        Name = guest.Registration.ContactName,
        Email = guest.Registration.OwnEmail,
        Phone = guest.Registration.ContactPhone,
        Municipality = guest.Registration.Municipality,
        Province = ProvinceOf(guest.Registration.Municipality),
        GuestId = guest.GuestId,
        CaseworkerEmail = guest.Registration.CaseworkerEmail,
    };

    private static string HostName(HostRecord host) => $"{host.FirstName} {host.LastName}";

    private static string? ProvinceOf(string? municipality) => municipality is null ? null : MunicipalityNames.Default.ProvinceOf(municipality);

    // A wait is overdue once its first reminder has gone; a VOG's once its last week begins, a guest household's once
    // it waits long enough to be listed to the matcher whatever fits.
    private DateTimeOffset? DueAt(CaseStage stage, DateTimeOffset since) => (stage.Stage, stage.WaitingFor) switch
    {
        (_, null or CaseStage.Date) => null,
        ("WaitingForVog", _) => since + options.VogDeadline - options.VogReminderEvery,
        ("Available", _) => since + options.AvailabilityReminderAfter,
        ("Waiting", _) => since + options.LongWaitAfter,
        _ => since + options.ReminderAfter,
    };
}

/// <summary>A case entered a stage.</summary>
/// <param name="CaseId">The case: the workflow's instance id.</param>
/// <param name="Key">The workflow's key of the step, so the timeline records it once.</param>
/// <param name="Stage">The stage.</param>
/// <param name="WaitingFor">The role it waits for, or <see cref="Date"/>.</param>
/// <param name="At">The workflow's time of the step.</param>
/// <param name="PlacementId">The placement under way.</param>
/// <param name="Ended">The case's workflow ends with this stage.</param>
public sealed record CaseStage(string CaseId, string Key, string Stage, string? WaitingFor, DateTime At, string? PlacementId, bool Ended)
{
    /// <summary>What a case waits for when it waits for a date, not a person.</summary>
    public const string Date = "date";
}
