using System.Globalization;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Approvals;
using RefugeeHome.Notifications;
using RefugeeHome.Triggers.Approvals;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Workflows;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Triggers.Matching;

/// <summary>
/// The page of a round of matching, opened from the matcher's email: every household with proposals, longest waiting
/// first, each proposal explained and with its state (open to approve, approved, replaced, expired). Its address is
/// signed for the round, carries no personal data, and the page shows no address either.
/// </summary>
public sealed class MatchingRoundPages(MatchingRounds rounds, ApprovalLinks links, EmailTemplates templates, WorkflowOptions options)
{
    /// <summary>The page's route segment.</summary>
    public const string Page = "matching";

    /// <summary>Households per page.</summary>
    public const int PageSize = 25;

    /// <summary>Shows <paramref name="round"/>, from the household in the <c>from</c> query on.</summary>
    public async Task<IResult> ShowAsync(HttpContext context, string round, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = options.StaffLanguage;
        if (MatchingRounds.DueAtOf(round) is null || !links.IsSigned(Page, round, token))
        {
            return HtmlPage.Render(context, language, "RefugeeHome", HtmlPage.Paragraph(ApprovalTexts.For(language).Texts.Unknown), StatusCodes.Status404NotFound);
        }

        var from = int.TryParse(context.Request.Query["from"], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 0;
        var title = string.Format(CultureInfo.InvariantCulture, Label("page.title"), MatchingRounds.LocalTimeOf(round, options.TimeZone));
        if (await rounds.ReadAsync(round, from, PageSize, context.RequestAborted) is not { } found)
        {
            return HtmlPage.Render(context, language, title, HtmlPage.Paragraph(Label("page.none")), StatusCodes.Status404NotFound);
        }

        var sections = await Task.WhenAll(found.Households.Select(household => SectionAsync(household, context.RequestAborted)));
        var body = HtmlPage.Paragraph(Label("page.summary"), found.Total.ToString(CultureInfo.InvariantCulture)) + string.Concat(sections) + Paging(round, from, found.Total);
        return HtmlPage.Render(context, language, title, body, StatusCodes.Status200OK);
    }

    private async Task<string> SectionAsync(RoundHousehold household, CancellationToken cancellationToken)
    {
        var about = string.Format(CultureInfo.InvariantCulture, Label("page.household"), household.Region, household.WishedMunicipality ?? Label("wish.none"),
            household.Adults, household.Minors, household.WaitedDays) + (household.RematchPriority ? ", " + Label("page.rematch") : "");
        var items = new List<string>();
        foreach (var proposal in household.Proposals)
        {
            var linkToken = links.TokenOf(household.GuestId, MatchReservationGuard.Purpose, proposal.IssueKey);
            var state = (await links.FindAsync(linkToken, cancellationToken)).State;
            var action = state == ApprovalState.Open
                ? $"<a href=\"{HtmlPage.Encode(links.AddressOf("approve", linkToken).ToString())}\">{HtmlPage.Encode(Label("page.open"))}</a>"
                : "<strong>" + HtmlPage.Encode(Label(state == ApprovalState.Answered ? "page.answered" : state == ApprovalState.Expired ? "page.expired" : "page.superseded")) + "</strong>";
            items.Add("<li>" + string.Join("<br>", proposal.Lines.Select(HtmlPage.Encode)) + "<br>" + action + "</li>");
        }

        return $"<section><h2>{HtmlPage.Encode(household.GuestId)}</h2>{HtmlPage.Paragraph(about)}<ol>{string.Concat(items)}</ol></section>";
    }

    private string Paging(string round, int from, int total)
    {
        var address = links.SignedPage(Page, round);
        string To(int position, string label) =>
            $"<a href=\"{HtmlPage.Encode(address + "?from=" + position.ToString(CultureInfo.InvariantCulture))}\">{HtmlPage.Encode(Label(label))}</a> ";
        return "<p>" + (from > 0 ? To(Math.Max(0, from - PageSize), "page.previous") : "") + (from + PageSize < total ? To(from + PageSize, "page.next") : "") + "</p>";
    }

    private string Label(string key) => templates.Label(MatchingRounds.Message, options.StaffLanguage, key) ?? key;
}
