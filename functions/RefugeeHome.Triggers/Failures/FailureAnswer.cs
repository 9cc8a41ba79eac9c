using Azure;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Triggers.Failures;

/// <summary>
/// The answer to a request whose handler failed, in both hosts: when storage cannot be reached, 503 with Retry-After and
/// a word that nothing was kept and when to send again; anything else, 500 with a word in the visitor's language instead
/// of a blank page. A page for a person, JSON for a program.
/// </summary>
public sealed class FailureAnswer(PageRenderer pages)
{
    // Storage refuses while it is down or overloaded for seconds to minutes; Azure's own clients retry within that.
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>Whether <paramref name="exception"/> or one it carries is storage failing rather than the request or the code.</summary>
    public static bool IsStorageOutage(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or 408 or >= 500 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsStorageOutage),
        { InnerException: { } inner } => IsStorageOutage(inner),
        _ => false,
    };

    /// <summary>Answers <paramref name="context"/>, whose handler threw <paramref name="exception"/>.</summary>
    public async Task WriteAsync(HttpContext context, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);
        var outage = IsStorageOutage(exception);
        var status = outage ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        var text = PageLanguage.Resolve(context);
        var message = outage ? text.Format("storageUnavailable", text.Count("minutes", (int)RetryAfter.TotalMinutes)) : text["serverError"];
        var answer = await pages.RefusalAsync(context, text, text[outage ? "storageUnavailableTitle" : "serverErrorTitle"], status, message);
        if (outage)
        {
            context.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await answer.ExecuteAsync(context);
    }
}
