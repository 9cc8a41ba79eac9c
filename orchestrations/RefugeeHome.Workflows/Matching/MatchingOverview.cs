using System.Globalization;
using RefugeeHome.Durable;
using RefugeeHome.Matching;
using RefugeeHome.Notifications;
using RefugeeHome.Registrations;
using SendGrid.Helpers.Mail;

namespace RefugeeHome.Workflows.Matching;

/// <summary>
/// The matcher's daily overview. Per region, how many households wait and how many hosts are available, so a shortage
/// shows before it becomes a queue. Then every household nothing fits, and every household waiting long, with why:
/// how many hosts each hard rule excludes. Ids, regions and counts only.
/// </summary>
internal sealed class MatchingOverview(
    GuestRegistry guests, MatchingPool pool, Mailer mailer, EmailTemplates templates, WorkflowOptions options, MatchingOptions matching, TimeProvider clock)
{
    private const string Message = "matching-daily";

    public async Task<int> SendAsync(TaskActivityContext activity, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var offers = await pool.OffersAsync(cancellationToken);
        var waiting = await guests.WithStatusAsync("Waiting", cancellationToken);
        string Label(string key) => templates.Label(Message, options.StaffLanguage, key) ?? key;
        var unknownRegion = Label("region.unknown");

        var hostsByRegion = offers.GroupBy(offer => Region(offer.Region)).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var waitingByRegion = waiting.GroupBy(guest => Region(GuestHouseholds.RegionOf(guest))).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var regions = hostsByRegion.Keys.Union(waitingByRegion.Keys).Order(StringComparer.Ordinal).Select(region => new
        {
            region,
            waiting = waitingByRegion.GetValueOrDefault(region),
            hosts = hostsByRegion.GetValueOrDefault(region),
            shortage = waitingByRegion.GetValueOrDefault(region) > hostsByRegion.GetValueOrDefault(region),
        }).ToList();

        var cases = new List<(int Waited, object Case)>();
        foreach (var guest in waiting)
        {
            var household = GuestHouseholds.From(guest, rematchPriority: false, await pool.DeclinedHostsAsync(guest.GuestId, cancellationToken), today);
            var waited = today.DayNumber - household.WaitingSince.DayNumber;
            var ranking = Ranking.Rank(household, offers, today, 1, matching);
            if (ranking.Proposals.Count > 0 && waited < options.LongWaitAfter.TotalDays)
            {
                continue;
            }

            var fitting = offers.Count - ranking.Excluded.Values.Sum();
            var reasons = ranking.Excluded.Where(pair => pair.Value > 0).OrderByDescending(pair => pair.Value)
                .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{Label("exclusion." + pair.Key)}: {pair.Value}"));
            cases.Add((waited, new
            {
                guestRef = guest.GuestId,
                region = Region(GuestHouseholds.RegionOf(guest)),
                waited,
                fitting,
                reasons = string.Join("; ", reasons),
            }));
        }

        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["date"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["waitingTotal"] = waiting.Count,
            ["hostsTotal"] = offers.Count,
            ["regions"] = regions,
            ["cases"] = cases.OrderByDescending(entry => entry.Waited).Select(entry => entry.Case).ToList(),
        };
        await mailer.SendOnceAsync(activity.CallKey, new EmailAddress(options.MatcherEmail), options.StaffLanguage, Message, model, cancellationToken);
        return cases.Count;

        string Region(string region) => region.Length == 0 ? unknownRegion : region;
    }
}
