namespace RefugeeHome.Durable;

/// <summary>
/// How often and how far apart a failed activity or sub-orchestration is tried again. Every bound is finite: a task is
/// tried at most <see cref="MaxNumberOfAttempts"/> times and never waits longer than <see cref="MaxRetryInterval"/>.
/// The waits are durable timers, so a retry survives a restart.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="maxNumberOfAttempts">Attempts in all, the first one included (at least 1).</param>
    /// <param name="firstRetryInterval">Wait before the second attempt.</param>
    /// <param name="backoffCoefficient">Factor applied to the wait after each attempt (at least 1).</param>
    /// <param name="maxRetryInterval">Longest wait between attempts; defaults to one hour.</param>
    public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0, TimeSpan? maxRetryInterval = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        var max = maxRetryInterval ?? TimeSpan.FromHours(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, firstRetryInterval);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = max;
    }

    /// <summary>Attempts in all, the first one included.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>Wait before the second attempt.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>Factor applied to the wait after each attempt.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>Longest wait between two attempts.</summary>
    public TimeSpan MaxRetryInterval { get; }

    /// <summary>Wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, attempt - 1);
        return ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }
}

/// <summary>Options of one activity or sub-orchestration call.</summary>
/// <param name="Retry">Retry policy; null tries once.</param>
public record TaskOptions(RetryPolicy? Retry = null)
{
    /// <summary>Options that retry with <paramref name="policy"/>.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}

/// <summary>Options of a sub-orchestration call.</summary>
/// <param name="InstanceId">Id of the child instance; null derives one deterministically.</param>
/// <param name="Retry">Retry policy; null tries once.</param>
public sealed record SubOrchestrationOptions(string? InstanceId = null, RetryPolicy? Retry = null) : TaskOptions(Retry);
