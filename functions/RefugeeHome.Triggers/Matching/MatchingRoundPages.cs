using System.Globalization;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Approvals;
using RefugeeHome.Notifications;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Workflows;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Triggers.Matching;

/// <summary>
/// The page of a round of matching, opened from the matcher's email: every household with proposals, longest waiting
/// first, each proposal explained and with its state (open to approve, approved, replaced, expired). Its address is
/// signed for the round, carries no personal data, and the page shows no address either.
/// </summary>
public sealed class MatchingRoundPages(MatchingRounds rounds, ApprovalLinks links, EmailTemplates templates, WorkflowOptions options, PageRenderer pages)
{
    /// <summary>The page's route segment.</summary>
    public const string Page = "matching";

    /// <summary>Households per page.</summary>
    public const int PageSize = 25;

    /// <summary>Shows <paramref name="round"/>, from the household in the <c>from</c> query on.</summary>
    public async Task<IResult> ShowAsync(HttpContext context, string round, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = PageLanguage.Resolve(context, options.StaffLanguage);
        if (MatchingRounds.DueAtOf(round) is null || !links.IsSigned(Page, round, token))
        {
            return await pages.MessageAsync(context, text, "RefugeeHome", StatusCodes.Status404NotFound, text["unknown"]);
        }

        var from = int.TryParse(context.Request.Query["from"], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 0;
        string Label(string key) => templates.Label(MatchingRounds.Message, text.Language, key) ?? key;
        var title = string.Format(CultureInfo.InvariantCulture, Label("page.title"), MatchingRounds.LocalTimeOf(round, options.TimeZone));
        if (await rounds.ReadAsync(round, from, PageSize, context.RequestAborted) is not { } found)
        {
            return await pages.MessageAsync(context, text, title, StatusCodes.Status404NotFound, Label("page.none"));
        }

        var households = await Task.WhenAll(found.Households.Select(household => HouseholdAsync(household, text, context.RequestAborted)));
        var address = links.SignedPage(Page, round);
        PageLink To(int position, string label) => new(address + "?from=" + position.ToString(CultureInfo.InvariantCulture), Label(label));
        var view = new MatchingRoundView(title,
            string.Format(CultureInfo.InvariantCulture, Label("page.summary"), found.Total),
            households,
            from > 0 ? To(Math.Max(0, from - PageSize), "page.previous") : null,
            from + PageSize < found.Total ? To(from + PageSize, "page.next") : null);
        return await pages.RenderAsync<MatchingRoundPage, MatchingRoundView>(context, text, view, StatusCodes.Status200OK);
    }

    private async Task<RoundHouseholdView> HouseholdAsync(RoundHousehold household, PageText text, CancellationToken cancellationToken)
    {
        string Label(string key) => templates.Label(MatchingRounds.Message, text.Language, key) ?? key;
        var about = string.Join(", ", new[]
        {
            household.Region, text.Format("roundWish", household.WishedMunicipality ?? Label("wish.none")),
            text.Count("adults", household.Adults), text.Count("minors", household.Minors), text.Count("waitingDays", household.WaitedDays),
            household.RematchPriority ? Label("page.rematch") : null,
        }.OfType<string>());
        var proposals = new List<ProposalView>();
        foreach (var proposal in household.Proposals)
        {
            var linkToken = links.TokenOf(household.GuestId, MatchReservationGuard.Purpose, proposal.IssueKey);
            var state = (await links.FindAsync(linkToken, cancellationToken)).State;
            proposals.Add(state == ApprovalState.Open
                ? new ProposalView(proposal.Lines, new PageLink(links.AddressOf("approve", linkToken).ToString(), Label("page.open")), null)
                : new ProposalView(proposal.Lines, null, Label(state == ApprovalState.Answered ? "page.answered" : state == ApprovalState.Expired ? "page.expired" : "page.superseded")));
        }

        return new RoundHouseholdView(household.GuestId, about, proposals);
    }
}
