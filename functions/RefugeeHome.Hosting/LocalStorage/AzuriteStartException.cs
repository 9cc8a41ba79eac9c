namespace RefugeeHome.Hosting.LocalStorage;

/// <summary>Azurite exited or never listened; the message carries its output.</summary>
public sealed class AzuriteStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AzuriteStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AzuriteStartException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AzuriteStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
