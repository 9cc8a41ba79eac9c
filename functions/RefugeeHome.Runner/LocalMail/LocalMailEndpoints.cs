using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RefugeeHome.Notifications;
using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Runner.LocalMail;

/// <summary>
/// A SendGrid-compatible sink (<c>POST /v3/mail/send</c>) and the outbox pages that show what it caught: a development
/// runner's only, answering callers on this machine only, the sink only to this run's own key. The outbox sends the
/// headers every page has; an email is shown as it would arrive, in a sandbox with no script and no access to the site.
/// </summary>
internal static class LocalMailEndpoints
{
    private const string EmailPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    public static void MapLocalMail(this IEndpointRouteBuilder endpoints, string sinkKey)
    {
        var local = endpoints.MapGroup("").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address) ? await next(context) : Results.NotFound());
        local.MapPost("/v3/mail/send", async (HttpRequest request, LocalOutbox outbox, TimeProvider clock) =>
        {
            if (!FromThisRunner(request, sinkKey))
            {
                return NotThisRunner();
            }

            JsonElement body;
            try
            {
                body = (await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted)).RootElement.Clone();
                await outbox.AddAsync(body, clock.GetUtcNow(), request.HttpContext.RequestAborted);
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return Results.BadRequest(new { errors = new[] { new { message = $"Not a SendGrid v3 mail: {exception.Message}" } } });
            }

            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
        // SendGrid's Email Activity API, as far as the mail's once-per-key sending asks it: the emails with a message key.
        local.MapGet("/v3/messages", async (HttpRequest request, LocalOutbox outbox) =>
        {
            if (!FromThisRunner(request, sinkKey))
            {
                return NotThisRunner();
            }

            if (SendGridOnce.HashQueriedBy(request.Query["query"].ToString()) is not { } hash)
            {
                return Results.BadRequest(new { errors = new[] { new { message = "The sink answers queries for one messageKey only." } } });
            }

            var ids = await outbox.WithMessageKeyAsync(hash, request.HttpContext.RequestAborted);
            return Results.Json(new { messages = ids.Select(id => new { msg_id = id, status = "delivered" }) });
        });
        local.MapGet("/dev/outbox", async (HttpRequest request, LocalOutbox outbox) =>
        {
            var emails = await outbox.AllAsync(request.HttpContext.RequestAborted);
            PageRenderer.WriteHeaders(request.HttpContext.Response);
            return request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
                ? Results.Json(emails.Select(email => new { email.Id, email.ReceivedAt, email.Subject, email.To, email.Attachments, email.Html }))
                : Results.Content(ListPage(emails), "text/html; charset=utf-8");
        });
        local.MapGet("/dev/outbox/{id}", async (HttpContext context, string id, LocalOutbox outbox) =>
        {
            PageRenderer.WriteHeaders(context.Response);
            context.Response.Headers.ContentSecurityPolicy = EmailPolicy;
            return await outbox.FindAsync(id, context.RequestAborted) is { } email
                ? Results.Content(EmailPage(email), "text/html; charset=utf-8")
                : Results.NotFound($"No email {id} in the outbox.");
        });
    }

    private static bool FromThisRunner(HttpRequest request, string sinkKey) =>
        request.Headers.Authorization.ToString().Equals("Bearer " + sinkKey, StringComparison.Ordinal);

    private static IResult NotThisRunner() =>
        Results.Json(new { errors = new[] { new { message = "The sink takes mail from this runner only." } } }, statusCode: StatusCodes.Status401Unauthorized);

    private static string ListPage(IReadOnlyList<CapturedEmail> emails)
    {
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Outbox</title><h1>Outbox</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{emails.Count} emails caught by the local SendGrid sink.</p><ul>");
        foreach (var email in emails)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<li><a href=\"/dev/outbox/{email.Id}\">{Encode(email.Subject)}</a> to {Encode(string.Join(", ", email.To))} at {email.ReceivedAt:u}</li>");
        }

        return html.Append("</ul></html>").ToString();
    }

    // The body is the HTML the product generated, with user values already encoded; it is shown as it would arrive.
    private static string EmailPage(CapturedEmail email) =>
        $"<!doctype html><html><meta charset=\"utf-8\"><title>{Encode(email.Subject)}</title>" +
        $"<p><a href=\"/dev/outbox\">Outbox</a></p><h1>{Encode(email.Subject)}</h1><p>To: {Encode(string.Join(", ", email.To))}</p>" +
        $"<p>Attachments: {Encode(string.Join(", ", email.Attachments))}</p><hr>" +
        (email.Html ?? $"<pre>{Encode(email.Text ?? "")}</pre>") + "</html>";

    // Keeps Cyrillic readable in the page source instead of numeric entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string value) => Encoder.Encode(value);
}
