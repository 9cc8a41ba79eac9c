namespace RefugeeHome.Durable;

/// <summary>
/// The orchestrator asked for different work than its recorded history says it asked for before: its code changed
/// under a running instance, or it read the clock, a random number or storage directly. The instance fails with this.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
