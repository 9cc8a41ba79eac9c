using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Triggers.Coordinator;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Triggers.Security;
using RefugeeHome.Triggers.Staff;

namespace RefugeeHome.Triggers.Limits;

/// <summary>
/// The per-client limits of ASP.NET Core's rate limiter, as one limiter both hosts apply: the runner through the rate
/// limiting middleware, the Functions app through its worker middleware. Pages, posts and host registrations each have
/// a token bucket per client address; signed-in staff, callers with the coordinator's key, style sheets and the health
/// check are not limited.
/// </summary>
public static class AnonymousRequestLimiter
{
    /// <summary>The paths a registration is posted to.</summary>
    public static readonly IReadOnlySet<string> RegistrationPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/" + HttpRoutes.HostForm, "/" + HttpRoutes.Hosts,
    };

    /// <summary>The limiter of <paramref name="limits"/>.</summary>
    public static PartitionedRateLimiter<HttpContext> Create(RequestLimits limits, StaffSignIn staff, CoordinatorAccess coordinator)
    {
        ArgumentNullException.ThrowIfNull(limits);
        bool Exempt(HttpContext context) =>
            context.Request.Path.StartsWithSegments("/" + StyleSheets.Route, StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
            || ApiKeyCheck.IsAuthorized(context.Request, coordinator.ApiKey)
            || staff.Identify(context) is not null;

        var requests = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (Exempt(context))
            {
                return RateLimitPartition.GetNoLimiter("exempt");
            }

            var reads = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
            var perMinute = reads ? limits.PagesPerClientPerMinute : limits.PostsPerClientPerMinute;
            return RateLimitPartition.GetTokenBucketLimiter((reads ? "pages|" : "posts|") + ClientAddress.Of(context, limits), _ => Bucket(perMinute, TimeSpan.FromMinutes(1)));
        });
        var registrations = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            HttpMethods.IsPost(context.Request.Method) && RegistrationPaths.Contains(context.Request.Path.Value ?? "") && !Exempt(context)
                ? RateLimitPartition.GetTokenBucketLimiter("registrations|" + ClientAddress.Of(context, limits), _ => Bucket(limits.RegistrationsPerClient, limits.RegistrationWindow))
                : RateLimitPartition.GetNoLimiter("other"));
        return PartitionedRateLimiter.CreateChained(requests, registrations);
    }

    // A full bucket to start with, refilled evenly over the window, and no queue: a client over the limit is told at once.
    private static TokenBucketRateLimiterOptions Bucket(int tokens, TimeSpan window) => new()
    {
        TokenLimit = tokens,
        TokensPerPeriod = Math.Max(1, tokens / 10),
        ReplenishmentPeriod = window / 10,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
