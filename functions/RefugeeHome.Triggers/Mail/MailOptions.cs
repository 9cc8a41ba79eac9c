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

    /// <summary>Sender name shown to recipients.</summary>
    public string FromName { get; set; } = "RefugeeHome";
}
