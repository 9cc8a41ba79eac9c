using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RefugeeHome.Triggers.Coordinator;
using RefugeeHome.Triggers.Security;

namespace RefugeeHome.Runner.Health;

/// <summary>
/// Writes the health report as JSON: the overall status to anyone, and each check with its details (what failed and
/// how) only to callers with the coordinator's key.
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        object body = ApiKeyCheck.IsAuthorized(context.Request, context.RequestServices.GetRequiredService<CoordinatorAccess>().ApiKey)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    entry => entry.Key,
                    entry => new { status = entry.Value.Status.ToString(), details = entry.Value.Data }),
            }
            : new { status = report.Status.ToString() };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
