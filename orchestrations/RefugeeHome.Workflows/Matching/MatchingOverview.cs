using System.Globalization;
using RefugeeHome.Approvals;
using RefugeeHome.Cases;
using RefugeeHome.Matching;
using RefugeeHome.Notifications;
using SendGrid.Helpers.Mail;

namespace RefugeeHome.Workflows.Matching;

/// <summary>
/// The matcher's daily email. Per region, how many households wait and how many hosts are available, so a shortage
/// shows before it becomes a queue. Then every household nothing fits, and every household waiting long, with why:
/// how many hosts each hard rule excludes. Then the day's proposals of the households waiting longest, each with its
/// approval link, and the link to the round's page that lists them all. Ids, regions, counts and scores only.
/// </summary>
internal sealed class MatchingOverview(ApprovalLinks links, Mailer mailer, EmailTemplates templates, WorkflowOptions options)
{
    /// <summary>Sends the email of the round <paramref name="request"/> names, over <paramref name="day"/>, with the households of <paramref name="round"/> waiting longest.</summary>
    public async Task SendAsync(MatchingRoundRequest request, MatchingDay day, IReadOnlyList<RoundHousehold> round, CancellationToken cancellationToken)
    {
        var (today, offers, index, waiting) = (day.Today, day.Offers, day.Index, day.Waiting);
        string Label(string key) => templates.Label(MatchingRounds.Message, options.StaffLanguage, key) ?? key;
        var unknownRegion = Label("region.unknown");

        var regions = RegionalShortages.Of(offers, waiting, unknownRegion)
            .Select(balance => new { region = balance.Region, waiting = balance.Waiting, hosts = balance.Available, shortage = balance.Shortage })
            .ToList();

        var cases = new List<(int Waited, object Case)>();
        foreach (var guest in waiting)
        {
            var household = day.Households[guest.GuestId];
            var waited = today.DayNumber - household.WaitingSince.DayNumber;
            var excluded = index.Excluded(household);
            var fitting = index.Count - excluded.Values.Sum();
            if (fitting > 0 && waited < options.LongWaitAfter.TotalDays)
            {
                continue;
            }

            var reasons = excluded.Where(pair => pair.Value > 0).OrderByDescending(pair => pair.Value)
                .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{Label("exclusion." + pair.Key)}: {pair.Value}"));
            cases.Add((waited, new { guestRef = CaseNumbers.Of(guest.GuestId), region = Region(GuestHouseholds.RegionOf(guest)), waited, fitting, reasons = string.Join("; ", reasons) }));
        }

        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["date"] = MatchingRounds.LocalTimeOf(request.Round, options.TimeZone),
            ["waitingTotal"] = waiting.Count,
            ["hostsTotal"] = offers.Count,
            ["regions"] = regions,
            ["cases"] = cases.OrderByDescending(entry => entry.Waited).Select(entry => entry.Case).ToList(),
            ["proposedTotal"] = round.Count,
            ["households"] = round.Take(options.HouseholdsInEmail).Select(household => new
            {
                guestRef = CaseNumbers.Of(household.GuestId),
                household.Region,
                wish = household.WishedMunicipality ?? Label("wish.none"),
                household.Adults,
                household.Minors,
                waited = household.WaitedDays,
                rematch = household.RematchPriority,
                proposals = household.Proposals.Select(proposal => new
                {
                    lines = proposal.Lines,
                    link = links.AddressOf("approve", links.TokenOf(household.GuestId, MatchReservationGuard.Purpose, proposal.IssueKey)).ToString(),
                }).ToList(),
            }).ToList(),
            ["more"] = Math.Max(0, round.Count - options.HouseholdsInEmail),
            ["pageLink"] = links.SignedPage("matching", request.Round).ToString(),
        };
        await mailer.SendOnceAsync(request.MessageKey, new EmailAddress(options.MatcherEmail), options.StaffLanguage, MatchingRounds.Message, model, cancellationToken);

        string Region(string region) => region.Length == 0 ? unknownRegion : region;
    }
}
