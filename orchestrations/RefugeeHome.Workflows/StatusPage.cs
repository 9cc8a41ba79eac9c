using RefugeeHome.Approvals;

namespace RefugeeHome.Workflows;

/// <summary>
/// A household's own page of where its journey stands. Its address is signed for the household's case, like a link, so
/// only those it was emailed to can open it; it is the same in every email and needs nothing stored.
/// </summary>
public static class StatusPage
{
    /// <summary>The page's route segment.</summary>
    public const string Page = "status";

    /// <summary>The address of the status page of <paramref name="caseId"/>.</summary>
    public static Uri AddressOf(ApprovalLinks links, string caseId)
    {
        ArgumentNullException.ThrowIfNull(links);
        return links.SignedPage(Page, caseId);
    }
}
