using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using RefugeeHome.Triggers.Limits;

namespace RefugeeHome.Functions;

/// <summary>
/// The request limits the runner applies with ASP.NET Core's rate limiting middleware, applied to every HTTP function
/// with the same limiter: the body limit, then the client's rate limit, before the function runs.
/// </summary>
internal sealed class RequestLimitsMiddleware(PartitionedRateLimiter<HttpContext> limiter, RequestGate gate) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        gate.LimitBody(http);
        using var lease = await limiter.AcquireAsync(http, 1, http.RequestAborted);
        if (!lease.IsAcquired)
        {
            await gate.RefuseAsync(http, lease);
            return;
        }

        await next(context);
    }
}
