using System.Net;
using System.Text.Json;

namespace RefugeeHome.Testing;

/// <summary>
/// Stands in for SendGrid's API under its real .NET client: keeps the JSON of every request it accepts, with when it
/// came, and answers with <see cref="Status"/> (202 Accepted unless a test makes SendGrid refuse).
/// </summary>
public sealed class SendGridCapture : HttpMessageHandler
{
    private readonly List<(DateTimeOffset At, JsonElement Body)> _accepted = [];

    /// <summary>The status SendGrid answers with.</summary>
    public HttpStatusCode Status { get; set; } = HttpStatusCode.Accepted;

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
        var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
        if (Status != HttpStatusCode.Accepted)
        {
            return new HttpResponseMessage(Status) { Content = new StringContent("{\"errors\":[{\"message\":\"refused by the test\"}]}") };
        }

        lock (_accepted)
        {
            _accepted.Add((DateTimeOffset.UtcNow, body));
        }

        return new HttpResponseMessage(HttpStatusCode.Accepted);
    }
}
