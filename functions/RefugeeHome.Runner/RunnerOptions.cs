namespace RefugeeHome.Runner;

/// <summary>Settings of the local runner (<c>Runner__*</c>).</summary>
internal sealed class RunnerOptions
{
    public const string Section = "Runner";

    /// <summary>Loopback port Kestrel listens on.</summary>
    public int Port { get; set; } = 7071;

    /// <summary>Where a locally started Azurite keeps its data, relative to the repository root.</summary>
    public string StorageDataFolder { get; set; } = ".azurite";

    /// <summary>Workflow seconds per real second; above 1 the durable timers of a demo fire early by that factor.</summary>
    public double ClockSpeed { get; set; } = 1;

    /// <summary>Offers <c>POST /dev/clock/advance</c> to move the workflow clock forward; for demos and tests only.</summary>
    public bool ClockControl { get; set; }

    public RunnerClock CreateClock() => new(ClockSpeed <= 1 ? TimeProvider.System : new RefugeeHome.Durable.AcceleratedTimeProvider(ClockSpeed));
}
