using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Triggers.Limits;

/// <summary>
/// What every request passes before a handler sees it, in both hosts: the body limit, and the answer to a client over
/// its rate limit — 429 with Retry-After, a page in the visitor's language for a person, JSON for a program.
/// </summary>
public sealed class RequestGate(RequestLimits limits, PageRenderer pages)
{
    /// <summary>Caps the request body at <see cref="RequestLimits.MaxBodyBytes"/>; a handler that takes uploads raises its own before it reads.</summary>
    public void LimitBody(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = limits.MaxBodyBytes;
        }
    }

    /// <summary>Tells a client it sent too many requests, and when to try again.</summary>
    public async Task RefuseAsync(HttpContext context, RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lease);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds));
        var text = PageLanguage.Resolve(context);
        var message = text.Format("tooManyRequests", text.Count("minutes", (seconds + 59) / 60));
        var answer = await pages.RefusalAsync(context, text, text["tooManyRequestsTitle"], StatusCodes.Status429TooManyRequests, message);
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await answer.ExecuteAsync(context);
    }
}
