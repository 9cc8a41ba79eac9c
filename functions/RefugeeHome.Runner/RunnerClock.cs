namespace RefugeeHome.Runner;

/// <summary>
/// The runner's workflow clock: real time (or accelerated, <c>Runner__ClockSpeed</c>) plus an offset that only grows.
/// With <c>Runner__ClockControl</c> on, <c>POST /dev/clock/advance</c> moves it forward, so a person or a test can walk
/// a three-month placement in minutes; durable timers that come due fire at the runtime's next poll.
/// </summary>
internal sealed class RunnerClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return GetUtcNow();
    }
}
