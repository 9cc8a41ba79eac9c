using System.Globalization;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Statistics;
using RefugeeHome.Triggers.Security;

namespace RefugeeHome.Triggers.Statistics;

/// <summary>
/// The statistics' triggers: the nightly timer, a run on demand and reading reports. Each host binds them to its own
/// trigger types; the work is the same.
/// </summary>
public sealed class StatisticsTriggers(NightlyStatisticsJob job, ReportStore reports, StatisticsSchedule schedule, StatisticsAccess access, TimeProvider clock)
{
    /// <summary>
    /// The host's timer ticked: reports the day before the latest scheduled run, and any missed, once each. Each host
    /// ticks often and the schedule, in its time zone, says what is due, so Azure's UTC timer and daylight saving agree.
    /// </summary>
    public Task<IReadOnlyList<DateOnly>> OnTimerAsync(CancellationToken cancellationToken) =>
        schedule.LatestUpTo(clock.GetUtcNow()) is { } due ? job.RunAsync(schedule.ReportDateOf(due), cancellationToken) : Task.FromResult<IReadOnlyList<DateOnly>>([]);

    /// <summary><c>POST /api/statistics/run</c>: runs the nightly job now.</summary>
    public async Task<IResult> RunNowAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!ApiKeyCheck.IsAuthorized(request, access.ApiKey))
        {
            return Unauthorized();
        }

        var sent = await job.RunAsync(schedule.ReportDateOf(clock.GetUtcNow()), cancellationToken);
        return Results.Ok(new { sent = sent.Select(Format) });
    }

    /// <summary><c>GET /api/statistics/reports/{date}</c>: a report by date (yyyy-MM-dd) or <c>latest</c>.</summary>
    public async Task<IResult> GetReportAsync(HttpRequest request, string date, CancellationToken cancellationToken)
    {
        if (!ApiKeyCheck.IsAuthorized(request, access.ApiKey))
        {
            return Unauthorized();
        }

        DateOnly day;
        if (string.Equals(date, "latest", StringComparison.OrdinalIgnoreCase))
        {
            if (await job.LastSentAsync(cancellationToken) is not { } last)
            {
                return Results.NotFound(new { error = "No report has been sent yet." });
            }

            day = last;
        }
        else if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return Results.BadRequest(new { error = $"'{date}' is not a date. Use yyyy-MM-dd or 'latest'." });
        }

        var json = await reports.ReadJsonAsync(day, cancellationToken);
        return json is null
            ? Results.NotFound(new { error = $"There is no report for {Format(day)}." })
            : Results.Text(json, "application/json; charset=utf-8");
    }

    private static IResult Unauthorized() =>
        Results.Json(new { error = $"Send the statistics API key in the {ApiKeyCheck.Header} header." }, statusCode: StatusCodes.Status401Unauthorized);

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
