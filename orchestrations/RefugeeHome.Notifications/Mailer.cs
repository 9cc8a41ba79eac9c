using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
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
        var claim = await TryClaimAsync(hash, message, language, cancellationToken);
        if (claim is null)
        {
            return SendOutcome.AlreadySent;
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
            await ReleaseAsync(claim);
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            await ReleaseAsync(claim);
            throw new InvalidOperationException($"SendGrid refused '{message}' with {(int)response.StatusCode}: {await response.Body.ReadAsStringAsync(cancellationToken)}");
        }

        claim["State"] = "Sent";
        claim["SentAt"] = clock.GetUtcNow();
        await _log.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, cancellationToken);
        return SendOutcome.Sent;
    }

    private async Task ReleaseAsync(TableEntity claim) =>
        await _log.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, claim.ETag, CancellationToken.None);

    /// <returns>The claimed log row, or null when the email was sent before.</returns>
    /// <exception cref="EmailSendInProgressException">Another attempt holds the claim.</exception>
    private async Task<TableEntity?> TryClaimAsync(string hash, string message, string language, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = new TableEntity(hash[..2], hash) { ["State"] = "Sending", ["ClaimedAt"] = now, ["Message"] = message, ["Language"] = language };
        try
        {
            var added = await _log.AddEntityAsync(row, cancellationToken);
            row.ETag = added.Headers.ETag ?? ETag.All;
            return row;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = (await _log.GetEntityAsync<TableEntity>(hash[..2], hash, cancellationToken: cancellationToken)).Value;
            if (existing.GetString("State") == "Sent")
            {
                return null;
            }

            if (existing.GetDateTimeOffset("ClaimedAt") > now - ClaimLease)
            {
                throw new EmailSendInProgressException($"Another attempt is sending '{message}' right now.");
            }

            existing["ClaimedAt"] = now;
            try
            {
                var updated = await _log.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                existing.ETag = updated.Headers.ETag ?? ETag.All;
                return existing;
            }
            catch (RequestFailedException conflict) when (conflict.Status == 412)
            {
                throw new EmailSendInProgressException($"Another attempt took over sending '{message}' at the same moment.", conflict);
            }
        }
    }
}
