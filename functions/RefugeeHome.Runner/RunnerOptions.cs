namespace RefugeeHome.Runner;

/// <summary>Settings of the local runner (<c>Runner__*</c>).</summary>
internal sealed class RunnerOptions
{
    public const string Section = "Runner";

    /// <summary>Loopback port Kestrel listens on.</summary>
    public int Port { get; set; } = 7071;

    /// <summary>Where a locally started Azurite keeps its data, relative to the repository root.</summary>
    public string StorageDataFolder { get; set; } = ".azurite";

    /// <summary>
    /// A local demo: the mail sink and its outbox and the development sign-in exist, for callers on this machine only.
    /// Off, the runner sends mail through SendGrid and offers no development surface.
    /// </summary>
    public bool Development { get; set; }
}
