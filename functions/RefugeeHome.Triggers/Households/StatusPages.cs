using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Approvals;
using RefugeeHome.Cases;
using RefugeeHome.Notifications;
using RefugeeHome.Registrations;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Workflows;
using SendGrid.Helpers.Mail;

namespace RefugeeHome.Triggers.Households;

/// <summary>
/// A household's own page behind the signed address its emails carry: where its journey stands, whom to contact, the
/// links that let it withdraw or end its placement, and its rights over its data: a copy to download and a request
/// for erasure, which a coordinator decides on. An address that is not signed for a household's case gets the same
/// answer as one whose data is gone, so the page tells nobody whether a household is registered.
/// </summary>
public sealed class StatusPages(
    ApprovalLinks links, ApprovalOptions approvals, CaseIndex cases, CaseTimeline timeline, HostRegistry hosts, GuestRegistry guests,
    Mailer mailer, WorkflowOptions options, IAntiforgery antiforgery, PostedForms forms, PageRenderer pages, TimeProvider clock)
{
    // A file for the household to read: its letters as they are (Cyrillic too) and choices by name, not by number.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Shows the status page of <paramref name="id"/>.</summary>
    public async Task<IResult> ShowAsync(HttpContext context, string id, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await FindAsync(context, id, token) is { } household
            ? await PageAsync(context, household, StatusCodes.Status200OK)
            : await UnknownAsync(context);
    }

    /// <summary>Gives the household a copy of every record held about it, as a JSON file.</summary>
    public async Task<IResult> ExportAsync(HttpContext context, string id, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await FindAsync(context, id, token) is not { } household)
        {
            return await UnknownAsync(context);
        }

        if ((await forms.ReadAsync(context)).Refusal is { } refusal)
        {
            return await forms.RefuseAsync(context, PageLanguage.Resolve(context, household.Language), PageLanguage.Resolve(context, household.Language)["statusTitle"], refusal);
        }

        var entries = await timeline.ReadAsync(id, context.RequestAborted);
        var copy = new
        {
            household.Summary.CaseNumber,
            ExportedAt = clock.GetUtcNow(),
            Registration = household.Record,
            household.Summary.Stage,
            household.Summary.Since,
            Timeline = entries.Select(entry => new { entry.At, Kind = entry.Kind.ToString(), entry.Code, entry.Role }),
        };
        PageRenderer.WriteHeaders(context.Response);
        return Results.File(JsonSerializer.SerializeToUtf8Bytes(copy, Json), "application/json", $"refugeehome-{household.Summary.CaseNumber}.json");
    }

    /// <summary>Records the household's request for erasure and tells the coordinators once.</summary>
    public async Task<IResult> RequestErasureAsync(HttpContext context, string id, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await FindAsync(context, id, token) is not { } household)
        {
            return await UnknownAsync(context);
        }

        if ((await forms.ReadAsync(context)).Refusal is { } refusal)
        {
            return await forms.RefuseAsync(context, PageLanguage.Resolve(context, household.Language), PageLanguage.Resolve(context, household.Language)["statusTitle"], refusal);
        }

        var cancellation = context.RequestAborted;
        await cases.RequestErasureAsync(id, cancellation);
        await timeline.AddAsync(id, new TimelineEntry("action|erasure", clock.GetUtcNow(), TimelineKind.Action, "erasure")
        {
            By = household.Summary.Kind == CaseKind.Host ? "host" : "guest",
        }, cancellation);
        try
        {
            await mailer.SendOnceAsync(id + "|erasure", new EmailAddress(options.SupervisorEmail), options.StaffLanguage, "erasure-requested",
                new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["caseRef"] = household.Summary.CaseNumber,
                    ["caseLink"] = new Uri(approvals.BaseUrl!, "staff/cases/" + id).ToString(),
                }, cancellation);
        }
        catch (EmailSendInProgressException)
        {
            // A second click while the first is still sending: the request is recorded and its notice is on its way.
        }

        return await PageAsync(context, household with { Summary = household.Summary with { ErasureRequested = true } }, StatusCodes.Status200OK);
    }

    private async Task<Household?> FindAsync(HttpContext context, string id, string token)
    {
        if (CaseKinds.Of(id) is not (CaseKind.Host or CaseKind.Guest) || !links.IsSigned(StatusPage.Page, id, token))
        {
            return null;
        }

        var cancellation = context.RequestAborted;
        if (await cases.FindAsync(id, cancellation) is not { } summary)
        {
            return null;
        }

        if (summary.Kind == CaseKind.Host)
        {
            return await hosts.FindAsync(id, cancellation) is { } host ? new Household(summary, host, host.Language) : null;
        }

        return await guests.FindAsync(id, cancellation) is { } guest ? new Household(summary, guest, guest.Registration.HouseholdLanguage) : null;
    }

    private async Task<IResult> PageAsync(HttpContext context, Household household, int status)
    {
        var text = PageLanguage.Resolve(context, household.Language);
        var summary = household.Summary;
        var tokens = antiforgery.GetAndStoreTokens(context);
        var view = new HouseholdStatus(
            summary.CaseNumber,
            summary.Stage,
            summary.Since,
            ContactOf(household),
            await OpenLinkAsync(summary.Id, "withdraw", "withdraw", context.RequestAborted),
            summary.PlacementId is { } placementId
                ? await OpenLinkAsync(placementId, "end-early", summary.Kind == CaseKind.Host ? "end-early-host" : "end-early-guest", context.RequestAborted)
                : null,
            StatusPage.AddressOf(links, summary.Id).AbsolutePath,
            new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? ""),
            summary.ErasureRequested);
        return await pages.RenderAsync<HouseholdStatusPage, HouseholdStatus>(context, text, view, status);
    }

    // Whoever the household deals with at its stage: the screener until it is screened, the connector while it is in
    // a placement, a guest household's own caseworker, and the coordinators otherwise.
    private string ContactOf(Household household) => household.Summary switch
    {
        { PlacementId: not null } => options.ConnectorEmail,
        { Kind: CaseKind.Guest, CaseworkerEmail: { } caseworker } => caseworker,
        { Kind: CaseKind.Host, Stage: "Screening" or "WaitingForVog" or "VogCheck" } => options.ScreenerEmail,
        _ => options.SupervisorEmail,
    };

    private async Task<string?> OpenLinkAsync(string instanceId, string purpose, string issueKey, CancellationToken cancellationToken)
    {
        var token = links.TokenOf(instanceId, purpose, issueKey);
        var link = await links.FindAsync(token, cancellationToken);
        return link.State == ApprovalState.Open ? links.AddressOf(link.Page, token).ToString() : null;
    }

    private Task<IResult> UnknownAsync(HttpContext context)
    {
        var text = PageLanguage.Resolve(context);
        return pages.MessageAsync(context, text, text["statusTitle"], StatusCodes.Status404NotFound, text["statusUnknown"]);
    }

    private sealed record Household(CaseSummary Summary, object Record, string Language);
}
