using RefugeeHome.Cases;

namespace RefugeeHome.Triggers.Staff;

/// <summary>
/// What each role may see of the cases: the screener host households, the supporter placements, a caseworker the
/// households it registered and their placements, the others every case. The matcher matches on facts and never sees
/// names or contact details.
/// </summary>
public static class StaffAccess
{
    /// <summary>Whether <paramref name="member"/> may open <paramref name="summary"/>.</summary>
    public static bool MaySee(StaffMember member, CaseSummary summary)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(summary);
        return member.Role switch
        {
            StaffRole.Screener => summary.Kind == CaseKind.Host,
            StaffRole.Supporter => summary.Kind == CaseKind.Placement,
            StaffRole.Caseworker => summary.Kind != CaseKind.Host && string.Equals(summary.CaseworkerEmail, member.Email, StringComparison.OrdinalIgnoreCase),
            _ => true,
        };
    }

    /// <summary>Whether <paramref name="member"/> sees who a household is: its name, contact details and the notes about it.</summary>
    public static bool SeesIdentity(StaffMember member) => member.Role != StaffRole.Matcher;

    /// <summary>Whether <paramref name="member"/> may close a stuck case.</summary>
    public static bool MayClose(StaffMember member) => member.Role == StaffRole.Coordinator;

    /// <summary>Whether <paramref name="member"/> may register guest households.</summary>
    public static bool MayRegisterGuests(StaffMember member) => member.Role is StaffRole.Caseworker or StaffRole.Coordinator;

    /// <summary>Whether <paramref name="member"/> may answer a question sent to <paramref name="audience"/> from the console.</summary>
    public static bool MayAnswer(StaffMember member, string? audience) =>
        audience == member.RoleCode || (member.Role == StaffRole.Coordinator && audience is "screener" or "matcher" or "connector" or "supporter" or "supervisor");

    /// <summary>
    /// Whether <paramref name="member"/> may correct <paramref name="summary"/>'s registration: a coordinator any
    /// household's, a screener a host household's, a caseworker the households it registered (which it alone may see).
    /// </summary>
    public static bool MayCorrect(StaffMember member, CaseSummary summary)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Kind != CaseKind.Placement && MaySee(member, summary) && member.Role switch
        {
            StaffRole.Coordinator => true,
            StaffRole.Screener => summary.Kind == CaseKind.Host,
            StaffRole.Caseworker => summary.Kind == CaseKind.Guest,
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="member"/> matches households by hand and turns proposals down.</summary>
    public static bool MayMatch(StaffMember member) => member.Role is StaffRole.Matcher or StaffRole.Coordinator;
}
