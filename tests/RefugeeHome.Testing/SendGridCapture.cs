using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RefugeeHome.Notifications;

namespace RefugeeHome.Testing;

/// <summary>
/// Stands in for SendGrid's API under its real .NET client: keeps the JSON of every mail it accepts, with when it came,
/// and answers with <see cref="Status"/> (202 Accepted unless a test makes SendGrid refuse). Its Email Activity API lists
/// the mails accepted with a message key, or answers <see cref="ActivityStatus"/> when a test makes it fail.
/// </summary>
public sealed class SendGridCapture : HttpMessageHandler
{
    private readonly List<(DateTimeOffset At, JsonElement Body)> _accepted = [];

    /// <summary>The status SendGrid answers mail with.</summary>
    public HttpStatusCode Status { get; set; } = HttpStatusCode.Accepted;

    /// <summary>The status the Email Activity API answers with; 403 is an account without it.</summary>
    public HttpStatusCode ActivityStatus { get; set; } = HttpStatusCode.OK;

    /// <summary>Whether the mail accepted next has its answer lost on the way back, as when the connection breaks.</summary>
    public bool LoseNextAnswer { get; set; }

    /// <summary>How many times the Email Activity API was asked.</summary>
    public int ActivityQueries { get; private set; }

    /// <summary>Every request body accepted so far.</summary>
    public IReadOnlyList<JsonElement> Sent
    {
        get
        {
            lock (_accepted)
            {
                return _accepted.Select(accepted => accepted.Body).ToList();
            }
        }
    }

    /// <summary>Every request body accepted so far, with when it came.</summary>
    public IReadOnlyList<(DateTimeOffset At, JsonElement Body)> Received
    {
        get
        {
            lock (_accepted)
            {
                return _accepted.ToList();
            }
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath == "/v3/messages")
        {
            return Activity(request.RequestUri);
        }

        var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
        if (Status != HttpStatusCode.Accepted)
        {
            return new HttpResponseMessage(Status) { Content = new StringContent("{\"errors\":[{\"message\":\"refused by the test\"}]}") };
        }

        lock (_accepted)
        {
            _accepted.Add((DateTimeOffset.UtcNow, body));
        }

        if (LoseNextAnswer)
        {
            LoseNextAnswer = false;
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The connection broke before SendGrid's answer arrived.");
        }

        return new HttpResponseMessage(HttpStatusCode.Accepted);
    }

    private HttpResponseMessage Activity(Uri address)
    {
        ActivityQueries++;
        if (ActivityStatus != HttpStatusCode.OK)
        {
            return new HttpResponseMessage(ActivityStatus) { Content = new StringContent("{\"errors\":[{\"message\":\"refused by the test\"}]}") };
        }

        var query = Uri.UnescapeDataString(address.Query.Split('&').Single(part => part.TrimStart('?').StartsWith("query=", StringComparison.Ordinal)).TrimStart('?')["query=".Length..]);
        var hash = SendGridOnce.HashQueriedBy(query);
        var listed = Sent.Where(mail => hash is not null && SendGridOnce.HashCarriedBy(mail) == hash)
            .Select((_, index) => new { msg_id = index.ToString(System.Globalization.CultureInfo.InvariantCulture), status = "delivered" });
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { messages = listed }) };
    }
}
