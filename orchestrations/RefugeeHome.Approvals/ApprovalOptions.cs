namespace RefugeeHome.Approvals;

/// <summary>Settings of approval links (<c>Approvals__*</c>).</summary>
public sealed class ApprovalOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Approvals";

    /// <summary>Public address links start with; from configuration, never from a request.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Id of <see cref="SigningKey"/>, written into every token so keys can be rotated.</summary>
    public string KeyId { get; set; } = "k1";

    /// <summary>Base64 HMAC key of at least 32 bytes that mints tokens.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>
    /// How long an answer recorded on its link may go without reaching its workflow before the sweep passes it on.
    /// Longer than any request takes, so the sweep finds only answers whose request died between the two.
    /// </summary>
    public TimeSpan PassOnUnheardAfter { get; set; } = TimeSpan.FromMinutes(2);

    internal byte[] SigningKeyBytes()
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(SigningKey);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException("Approvals__SigningKey must be base64.", exception);
        }

        return key.Length >= 32
            ? key
            : throw new InvalidOperationException("Approvals__SigningKey must hold at least 32 bytes (44 base64 characters).");
    }
}
