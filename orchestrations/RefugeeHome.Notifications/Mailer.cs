using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using RefugeeHome.Storage;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace RefugeeHome.Notifications;

/// <summary>What a send did.</summary>
public enum SendOutcome
{
    /// <summary>This call sent the email.</summary>
    Sent,

    /// <summary>The email of this message key was sent before; nothing was sent now.</summary>
    AlreadySent,
}

/// <summary>
/// Another attempt is sending the same message right now. Nothing was sent by this call; retry later (an activity's
/// retry policy does), and it finds the email sent, or the claim released or expired.
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
/// Sends templated email through SendGrid at most once per message key: an activity that retries, or two that run at
/// once, send one email. The log keeps the key's hash, the message name, the language and when it was sent; never an
/// address or a value. An attempt that claimed a key and died is taken over after <see cref="ClaimLease"/>. A crash
/// between SendGrid accepting the email and the log recording it is the one moment that can send a second copy.
/// </summary>
public sealed class Mailer(TableServiceClient tables, ISendGridClient sendGrid, EmailTemplates templates, EmailAddress sender, TimeProvider clock)
{
    /// <summary>How long a claim to send protects against a second attempt.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    private readonly TableClient _log = tables.GetTableClient("EmailLog");
    private readonly OnceClaims _claims = new(tables.GetTableClient("EmailLog"), ClaimLease, clock);

    /// <summary>Creates the log table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => _log.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Sends <paramref name="message"/> to <paramref name="to"/> in <paramref name="language"/>, once per <paramref name="messageKey"/>.</summary>
    /// <exception cref="InvalidOperationException">SendGrid refused the email; nothing is logged as sent, so a retry sends it.</exception>
    public async Task<SendOutcome> SendOnceAsync(string messageKey, EmailAddress to, string language, string message, object model, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageKey);
        ArgumentNullException.ThrowIfNull(to);
        var (subject, html) = templates.Render(message, language, model);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageKey)));
        var claim = await _claims.TryClaimAsync(hash[..2], hash,
            new Dictionary<string, object?> { ["Message"] = message, ["Language"] = language }, cancellationToken);
        switch (claim.State)
        {
            case ClaimState.Done:
                return SendOutcome.AlreadySent;
            case ClaimState.HeldElsewhere:
                throw new EmailSendInProgressException($"Another attempt is sending '{message}' right now.");
        }

        var email = new SendGridMessage { From = sender, Subject = subject, HtmlContent = html };
        email.AddTo(to);
        email.AddCustomArg("messageKey", hash);
        SendGrid.Response response;
        try
        {
            response = await sendGrid.SendEmailAsync(email, cancellationToken);
        }
        catch
        {
            // Not sent: give the claim back so a retry sends at once, then let the failure be seen.
            await _claims.ReleaseAsync(claim);
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            await _claims.ReleaseAsync(claim);
            throw new InvalidOperationException($"SendGrid refused '{message}' with {(int)response.StatusCode}: {await response.Body.ReadAsStringAsync(cancellationToken)}");
        }

        await _claims.CompleteAsync(claim, cancellationToken);
        return SendOutcome.Sent;
    }
}
