namespace RefugeeHome.Cases;

/// <summary>What a case is about; its id says which.</summary>
public enum CaseKind
{
    /// <summary>A host household's journey.</summary>
    Host,

    /// <summary>A guest household's intake.</summary>
    Guest,

    /// <summary>A placement of a guest household with a host household.</summary>
    Placement,
}

/// <summary>The kind of a case from its id (<c>host-…</c>, <c>guest-…</c>, <c>placement-…</c>).</summary>
public static class CaseKinds
{
    /// <summary>The kind of <paramref name="caseId"/>, or null when it is not a case id.</summary>
    public static CaseKind? Of(string? caseId) => caseId switch
    {
        null => null,
        _ when caseId.StartsWith("host-", StringComparison.Ordinal) => CaseKind.Host,
        _ when caseId.StartsWith("guest-", StringComparison.Ordinal) => CaseKind.Guest,
        _ when caseId.StartsWith("placement-", StringComparison.Ordinal) => CaseKind.Placement,
        _ => null,
    };
}
