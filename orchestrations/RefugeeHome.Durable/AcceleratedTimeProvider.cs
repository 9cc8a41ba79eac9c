namespace RefugeeHome.Durable;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than real time from the moment it is created, so a demo can
/// walk through weeks of a workflow in minutes. Durable timers fire when this clock reaches them.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp;

    /// <summary>Creates the clock.</summary>
    /// <param name="speed">How many seconds of workflow time pass per real second (at least 1).</param>
    public AcceleratedTimeProvider(double speed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1.0);
        Speed = speed;
        _start = System.GetUtcNow();
        _startTimestamp = System.GetTimestamp();
    }

    /// <summary>Workflow seconds per real second.</summary>
    public double Speed { get; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() =>
        _start + TimeSpan.FromTicks((long)(System.GetElapsedTime(_startTimestamp).Ticks * Speed));
}
