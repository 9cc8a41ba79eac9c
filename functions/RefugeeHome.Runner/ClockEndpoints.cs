using Azure.Data.Tables;

namespace RefugeeHome.Runner;

/// <summary><c>POST /dev/clock/advance?days=…&amp;hours=…</c> moves the workflow clock forward; only with <c>Runner__ClockControl</c>.</summary>
internal static class ClockEndpoints
{
    public static void MapClockControl(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dev/clock", (RunnerClock clock) => Results.Json(new { now = clock.GetUtcNow() }));
        endpoints.MapPost("/dev/clock/advance", async (RunnerClock clock, TableServiceClient tables, double? days, double? hours, CancellationToken cancellation) =>
        {
            var by = TimeSpan.FromDays(days ?? 0) + TimeSpan.FromHours(hours ?? 0);
            return by <= TimeSpan.Zero
                ? Results.BadRequest(new { error = "Give days or hours above zero; the clock only moves forward." })
                : Results.Json(new { now = await clock.AdvanceAsync(by, tables, cancellation) });
        });
    }
}
