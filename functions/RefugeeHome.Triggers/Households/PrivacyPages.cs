using Microsoft.AspNetCore.Http;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Workflows;

namespace RefugeeHome.Triggers.Households;

/// <summary>The privacy notice, in the visitor's language, with the retention the workflows apply.</summary>
public sealed class PrivacyPages(WorkflowOptions options, PageRenderer pages)
{
    /// <summary>Shows the notice.</summary>
    public Task<IResult> ShowAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return pages.RenderAsync<PrivacyPage, PrivacyNotice>(context, PageLanguage.Resolve(context),
            new PrivacyNotice((int)options.RetainAfterEnd.TotalDays, options.SupervisorEmail), StatusCodes.Status200OK);
    }
}
