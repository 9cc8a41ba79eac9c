using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RefugeeHome.Approvals;
using RefugeeHome.Storage;
using RefugeeHome.Triggers.Approvals;
using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Triggers.Documents;

/// <summary>
/// The private upload page behind an upload link (<c>/upload/{token}</c>). The document is checked by its content
/// and stored under a name the server chooses, in a private container; only then is the link answered, so the
/// workflow never hears of a document that is not there. A refused upload leaves the link open for another try.
/// </summary>
public sealed class UploadPages(ApprovalLinks links, ApprovalPages approvals, DocumentStore documents, IAntiforgery antiforgery, PostedForms forms, PageRenderer pages)
{
    private const string Upload = "upload";

    /// <summary>Shows the upload form while the link is open.</summary>
    public async Task<IResult> ShowAsync(HttpContext context, string token, IWorkflowEvents workflows)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = await links.FindAsync(token, context.RequestAborted);
        if (link.State != ApprovalState.Open || link.Page != Upload)
        {
            return await approvals.ShowAsync(context, token, workflows);
        }

        return await FormAsync(context, PageLanguage.Resolve(context, link.Language), link, null, StatusCodes.Status200OK);
    }

    /// <summary>Checks and stores the uploaded document, then answers the link.</summary>
    public async Task<IResult> UploadAsync(HttpContext context, string token, IWorkflowEvents workflows)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Read a scan several times too large to the end, so its sender gets the page that says so instead of a
            // connection the server cut off mid-upload; the document store refuses it past its own limit.
            limit.MaxRequestBodySize = DocumentStore.MaxBytes * 4;
        }

        var link = await links.FindAsync(token, context.RequestAborted);
        if (link.State != ApprovalState.Open || link.Page != Upload)
        {
            return await approvals.ShowAsync(context, token, workflows);
        }

        var text = PageLanguage.Resolve(context, link.Language);
        // The anti-forgery check reads the whole form, so a body over the limit is refused here, not by the server.
        var posted = await forms.ReadAsync(context);
        switch (posted.Refusal)
        {
            case FormRefusal.TooLarge:
                return await FormAsync(context, text, link, text["uploadTooLarge"], StatusCodes.Status413PayloadTooLarge);
            case { } refusal:
                return await forms.RefuseAsync(context, text, link.Title, refusal);
        }

        var file = posted.Form!.Files.GetFile(UploadForm.FileField);

        StoredDocument stored;
        if (file is null)
        {
            stored = new StoredDocument(null, DocumentProblem.Empty);
        }
        else
        {
            await using var content = file.OpenReadStream();
            stored = await documents.SaveAsync(DocumentNames.ForUpload(link.InstanceId, link.Id), content, context.RequestAborted);
        }

        if (stored.Problem is { } problem)
        {
            var message = problem switch
            {
                DocumentProblem.TooLarge => text["uploadTooLarge"],
                DocumentProblem.NotPdf => text["uploadNotPdf"],
                DocumentProblem.ActiveContent => text["uploadActive"],
                _ => text["uploadEmpty"],
            };
            var status = problem == DocumentProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return await FormAsync(context, text, link, message, status);
        }

        var redemption = await links.RedeemAsync(token, new ApprovalSubmission(link.Choices[0].Value, null, new Dictionary<string, string>()), workflows, context.RequestAborted);
        var recorded = redemption.Outcome is RedeemOutcome.Recorded or RedeemOutcome.AlreadyRecorded;
        return await pages.MessageAsync(context, text, link.Title, recorded ? StatusCodes.Status200OK : StatusCodes.Status409Conflict,
            recorded ? text["uploaded"] : text.Format("answeredOtherwise", link.Choices[0].Label));
    }

    private Task<IResult> FormAsync(HttpContext context, PageText text, ApprovalLink link, string? problem, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var form = new FormState(text, new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? ""), null,
            problem is null ? [] : [new FormProblem(UploadForm.FileField, problem)]);
        return pages.RenderAsync<UploadPage, UploadForm>(context, text, new UploadForm(link, form), status);
    }
}
