using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
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
/// Hands each email to SendGrid once per message key: an activity that retries, or two that run at once, send one
/// email. A claim on the key in the email log lets one attempt at a time send, and nobody after it was sent; the log
/// keeps the key's hash and the details given, never an address. SendGrid's mail API takes no idempotency key, so an
/// attempt that died after handing the email over, or whose answer was lost, leaves it unknown whether SendGrid has
/// it. The attempt after it asks SendGrid's Email Activity API for an email carrying the key's hash, and sends only when
/// none is listed once SendGrid has had <paramref name="listedWithin"/> to list it. An account without that API (a paid
/// add-on) cannot tell, and then the email is sent again: a second copy is better than none.
/// </summary>
public sealed partial class SendGridOnce(TableClient log, ISendGridClient sendGrid, TimeSpan listedWithin, TimeProvider clock)
{
    /// <summary>How long a claim to send protects against a second attempt.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <summary>The custom argument that carries the message key's hash with each email, as SendGrid lists it.</summary>
    public const string MessageKeyArgument = "messageKey";

    /// <summary>The name of the email log's table.</summary>
    public const string LogTable = "EmailLog";

    private readonly OnceClaims _claims = new(log, ClaimLease, clock);

    private enum Listing
    {
        Listed,
        NotListed,
        CannotTell,
    }

    /// <summary>Creates the log table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => log.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The Email Activity query (<c>unique_args['messageKey']="…"</c>) for the emails carrying <paramref name="hash"/>.</summary>
    public static string ActivityQueryFor(string hash) => $"unique_args['{MessageKeyArgument}']=\"{hash}\"";

    /// <summary>The message key's hash an Email Activity query made by <see cref="ActivityQueryFor"/> asks for, or null.</summary>
    public static string? HashQueriedBy(string query) => ActivityQuery().Match(query) is { Success: true } match ? match.Groups["hash"].Value : null;

    /// <summary>
    /// The message key's hash a v3 mail carries, or null. SendGrid takes custom arguments for the whole mail or per
    /// personalization; its .NET client writes them per personalization.
    /// </summary>
    public static string? HashCarriedBy(JsonElement mail) =>
        (mail.TryGetProperty("personalizations", out var personalizations) ? personalizations.EnumerateArray() : Enumerable.Empty<JsonElement>()).Append(mail)
            .Select(part => part.TryGetProperty("custom_args", out var arguments) && arguments.TryGetProperty(MessageKeyArgument, out var hash) ? hash.GetString() : null)
            .FirstOrDefault(hash => hash is not null);

    /// <summary>The hash of <paramref name="messageKey"/>, as the log and the email carry it.</summary>
    public static string HashOf(string messageKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageKey)));

    /// <summary>Sends <paramref name="email"/> once per <paramref name="messageKey"/>, logging <paramref name="details"/> with the key.</summary>
    /// <exception cref="EmailSendInProgressException">Another attempt is sending it, or SendGrid cannot say yet whether an earlier one did; try later.</exception>
    /// <exception cref="InvalidOperationException">SendGrid refused the email; nothing is logged as sent, so a retry sends it.</exception>
    public async Task<SendOutcome> SendAsync(string messageKey, SendGridMessage email, IReadOnlyDictionary<string, object?> details, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageKey);
        ArgumentNullException.ThrowIfNull(email);
        var hash = HashOf(messageKey);
        var claim = await _claims.TryClaimAsync(hash[..2], hash, details, cancellationToken);
        switch (claim.State)
        {
            case ClaimState.Done:
                return SendOutcome.AlreadySent;
            case ClaimState.HeldElsewhere:
                throw new EmailSendInProgressException("Another attempt is sending this email right now.");
        }

        if (claim.UnsureSince is { } since && await SentBeforeAsync(claim, hash, since, cancellationToken))
        {
            await _claims.CompleteAsync(claim, cancellationToken);
            return SendOutcome.AlreadySent;
        }

        email.AddCustomArg(MessageKeyArgument, hash);
        Response response;
        try
        {
            response = await sendGrid.SendEmailAsync(email, cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            // SendGrid was never reached: give the claim back so a retry sends at once, then let the failure be seen.
            await _claims.ReleaseAsync(claim);
            throw;
        }
        catch
        {
            // The email may have reached SendGrid: the next attempt asks SendGrid before it sends.
            await _claims.GiveUpAsync(claim);
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            // A refusal (4xx) kept nothing; after an error on SendGrid's side (5xx) the email may still have been taken.
            await ((int)response.StatusCode >= 500 ? _claims.GiveUpAsync(claim) : _claims.ReleaseAsync(claim));
            throw new InvalidOperationException($"SendGrid refused the email with {(int)response.StatusCode}: {await response.Body.ReadAsStringAsync(cancellationToken)}");
        }

        await _claims.CompleteAsync(claim, cancellationToken);
        return SendOutcome.Sent;
    }

    // Whether the attempt that left the claim unsure sent the email; it did not if SendGrid has not listed it in time.
    private async Task<bool> SentBeforeAsync(Claim claim, string hash, DateTimeOffset since, CancellationToken cancellationToken)
    {
        Listing listing;
        try
        {
            listing = await ListingAsync(hash, cancellationToken);
        }
        catch
        {
            await _claims.GiveUpAsync(claim);
            throw;
        }

        if (listing == Listing.NotListed && clock.GetUtcNow() - since < listedWithin)
        {
            await _claims.GiveUpAsync(claim);
            throw new EmailSendInProgressException("An earlier attempt may have sent this email and SendGrid does not list it yet; ask again later.");
        }

        return listing == Listing.Listed;
    }

    private async Task<Listing> ListingAsync(string hash, CancellationToken cancellationToken)
    {
        var query = Uri.EscapeDataString(ActivityQueryFor(hash));
        var response = await sendGrid.RequestAsync(BaseClient.Method.GET, urlPath: $"messages?limit=1&query={query}", cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            throw new EmailSendInProgressException($"SendGrid's Email Activity API answered {(int)response.StatusCode}; ask again later.");
        }

        if (!response.IsSuccessStatusCode)
        {
            return Listing.CannotTell;
        }

        using var body = JsonDocument.Parse(await response.Body.ReadAsStringAsync(cancellationToken));
        return body.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
            ? Listing.Listed
            : Listing.NotListed;
    }

    [GeneratedRegex("""^unique_args\['messageKey'\]="(?<hash>[0-9a-f]{64})"$""")]
    private static partial Regex ActivityQuery();
}
