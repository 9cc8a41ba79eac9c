namespace RefugeeHome.Triggers.Staff;

/// <summary>How staff sign in.</summary>
public enum StaffSignInMode
{
    /// <summary>Nobody signs in: the console and the guest form are closed.</summary>
    None,

    /// <summary>
    /// A development sign-in page that lets anyone pick a role: for a local demo only, never in Azure, where the
    /// Functions app has no such default.
    /// </summary>
    Development,

    /// <summary>App Service authentication with Microsoft Entra ID signs staff in and passes who they are and their app roles.</summary>
    AppService,
}

/// <summary>Staff sign-in (<c>Staff__SignIn</c>).</summary>
public sealed class StaffOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Staff";

    /// <summary>How staff sign in.</summary>
    public StaffSignInMode SignIn { get; set; } = StaffSignInMode.None;

    /// <summary>How long a development sign-in lasts.</summary>
    public TimeSpan DevelopmentSignInLasts { get; set; } = TimeSpan.FromHours(8);
}
