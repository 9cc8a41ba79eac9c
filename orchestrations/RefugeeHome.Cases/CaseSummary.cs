namespace RefugeeHome.Cases;

/// <summary>
/// One case as the console lists it: where it stands, whom it waits for and since when, and what staff search it by.
/// Names and contact details are here for the roles that may see them; the console decides who does.
/// </summary>
/// <param name="Id">The case's opaque id, which is its workflow's instance id.</param>
/// <param name="Kind">What the case is about.</param>
/// <param name="Stage">Where it stands.</param>
/// <param name="WaitingFor">The role or person it waits for (<c>screener</c>, <c>host</c>, …), if any.</param>
/// <param name="Since">When it entered its stage or began to wait.</param>
/// <param name="DueAt">When the wait becomes overdue: its first reminder, or its deadline's last.</param>
public sealed record CaseSummary(string Id, CaseKind Kind, string Stage, string? WaitingFor, DateTimeOffset Since, DateTimeOffset? DueAt)
{
    /// <summary>The number people read and say.</summary>
    public string CaseNumber => CaseNumbers.Of(Id);

    /// <summary>The household's name: the host's contact person, or the guest household's contact person.</summary>
    public string? Name { get; init; }

    /// <summary>The household's email address.</summary>
    public string? Email { get; init; }

    /// <summary>The household's phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>The municipality: the host's, the registering one of a guest household, the host's of a placement.</summary>
    public string? Municipality { get; init; }

    /// <summary>The province of <see cref="Municipality"/>.</summary>
    public string? Province { get; init; }

    /// <summary>The host household of a placement, or of a guest household placed now.</summary>
    public string? HostId { get; init; }

    /// <summary>The guest household of a placement, or of a host household hosting now.</summary>
    public string? GuestId { get; init; }

    /// <summary>The placement a household is in now.</summary>
    public string? PlacementId { get; init; }

    /// <summary>The municipal caseworker who registered a guest household.</summary>
    public string? CaseworkerEmail { get; init; }

    /// <summary>The household asked for its data to be erased.</summary>
    public bool ErasureRequested { get; init; }

    /// <summary>The case's workflow has ended; its data is kept until retention deletes it.</summary>
    public bool Ended { get; init; }

    /// <summary>Whether the case waits past its due time at <paramref name="now"/>.</summary>
    public bool IsOverdue(DateTimeOffset now) => !Ended && DueAt is { } due && due <= now;
}
