namespace RefugeeHome.Triggers.Staff;

/// <summary>The roles of staff, as app roles of the Entra ID app registration name them (<c>screener</c>, …).</summary>
public enum StaffRole
{
    /// <summary>Interviews hosts and checks their VOG.</summary>
    Screener,

    /// <summary>Approves match proposals and matches by hand.</summary>
    Matcher,

    /// <summary>Schedules introductions, records their outcome, departures and early ends.</summary>
    Connector,

    /// <summary>Visits in the first week.</summary>
    Supporter,

    /// <summary>Oversees every case and closes stuck ones.</summary>
    Coordinator,

    /// <summary>A municipal caseworker, who registers guest households and follows them.</summary>
    Caseworker,
}

/// <summary>A signed-in staff member: who it is and in which role it works now.</summary>
/// <param name="Name">The name shown on pages and in the timeline.</param>
/// <param name="Email">The sign-in's email address; a caseworker sees the households registered under it.</param>
/// <param name="Role">The role.</param>
public sealed record StaffMember(string Name, string Email, StaffRole Role)
{
    /// <summary>The role's code, as app roles and timelines write it.</summary>
    public string RoleCode => Codes.Of(Role);

    /// <summary>How the timeline records this member: role and name.</summary>
    public string Signature => $"{RoleCode}: {Name}";

    /// <summary>The role codes.</summary>
    public static class Codes
    {
        /// <summary>The code of <paramref name="role"/>.</summary>
        public static string Of(StaffRole role) => role.ToString().ToLowerInvariant();

        /// <summary>The role of <paramref name="code"/>, or null when it names none.</summary>
        public static StaffRole? Parse(string? code) =>
            Enum.GetValues<StaffRole>().Cast<StaffRole?>().FirstOrDefault(role => Of(role!.Value) == code?.Trim().ToLowerInvariant());
    }
}
