using Microsoft.AspNetCore.Http;
using RefugeeHome.Statistics;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Triggers.Staff;

/// <summary>
/// The console's overviews, numbers only: the latest report the ministry received, for every role, and where hosts
/// run short, for the matcher and the coordinators.
/// </summary>
public sealed class OverviewPages(
    StaffPages staff, HouseholdStatistics statistics, NightlyStatisticsJob job, ReportStore reports, RegionalShortages shortages, PageRenderer pages, TimeProvider clock)
{
    /// <summary>The figures now and the latest ministry report, each as a chart of the national totals and a table per municipality.</summary>
    public async Task<IResult> ShowStatisticsAsync(HttpContext context)
    {
        var (member, refusal) = staff.Require(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var cancellation = context.RequestAborted;
        var json = await job.LastSentAsync(cancellation) is { } last ? await reports.ReadJsonAsync(last, cancellation) : null;
        return await pages.RenderAsync<StatisticsPage, StatisticsView>(context, PageLanguage.Resolve(context),
            new StatisticsView(member!, await statistics.ReadAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellation),
                json is null ? null : PublishedReport.Read(json)), StatusCodes.Status200OK);
    }

    /// <summary>Per region, the households waiting against the hosts available, as a chart and a table.</summary>
    public async Task<IResult> ShowShortagesAsync(HttpContext context)
    {
        var (member, refusal) = staff.Require(context, StaffAccess.MayMatch);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = PageLanguage.Resolve(context);
        return await pages.RenderAsync<ShortagesPage, ShortagesView>(context, text,
            new ShortagesView(member!, await shortages.ReadAsync(text["shortagesUnknownRegion"], context.RequestAborted)), StatusCodes.Status200OK);
    }
}
