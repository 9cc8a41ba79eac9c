using SendGrid.Helpers.Mail;

namespace RefugeeHome.Notifications;

/// <summary>
/// Another attempt is sending the same message right now, or SendGrid cannot say yet whether an earlier attempt sent
/// it. Nothing was sent by this call; retry later (an activity's retry policy does), and it finds the email sent, or
/// the claim released, given up or expired.
/// </summary>
public sealed class EmailSendInProgressException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmailSendInProgressException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EmailSendInProgressException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public EmailSendInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Sends templated email through SendGrid at most once per message key (see <see cref="SendGridOnce"/>): an activity
/// that retries, or two that run at once, send one email. The log keeps the key's hash, the message name and the
/// language; never an address or a value.
/// </summary>
public sealed class Mailer(SendGridOnce once, EmailTemplates templates, EmailAddress sender)
{
    /// <summary>Creates the log table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => once.CreateTableAsync(cancellationToken);

    /// <summary>Sends <paramref name="message"/> to <paramref name="to"/> in <paramref name="language"/>, once per <paramref name="messageKey"/>.</summary>
    /// <exception cref="InvalidOperationException">SendGrid refused the email; nothing is logged as sent, so a retry sends it.</exception>
    public async Task<SendOutcome> SendOnceAsync(string messageKey, EmailAddress to, string language, string message, object model, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageKey);
        ArgumentNullException.ThrowIfNull(to);
        var (subject, html) = templates.Render(message, language, model);
        var email = new SendGridMessage { From = sender, Subject = subject, HtmlContent = html };
        email.AddTo(to);
        return await once.SendAsync(messageKey, email, new Dictionary<string, object?> { ["Message"] = message, ["Language"] = language }, cancellationToken);
    }
}
