namespace RefugeeHome.Triggers.Mail;

/// <summary>Settings of outgoing email (<c>SendGrid__*</c>).</summary>
public sealed class MailOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "SendGrid";

    /// <summary>SendGrid API key; in Azure a Key Vault reference.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Base address of the SendGrid API; the local runner points it at its own sink.</summary>
    public string Host { get; set; } = "https://api.sendgrid.com";

    /// <summary>Sender address of every email.</summary>
    public string From { get; set; } = "";

    /// <summary>
    /// How long SendGrid's Email Activity may take to list an email it accepted. An attempt to send that died or lost
    /// its answer is only followed by another once the email is not listed this long after.
    /// </summary>
    public TimeSpan ActivityDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Sender name shown to recipients.</summary>
    public string FromName { get; set; } = "RefugeeHome";
}
