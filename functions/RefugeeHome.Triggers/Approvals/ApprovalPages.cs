using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Approvals;
using RefugeeHome.Cases;
using RefugeeHome.Registrations;
using RefugeeHome.Storage;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Triggers.Staff;

namespace RefugeeHome.Triggers.Approvals;

/// <summary>
/// The pages behind approval links. <c>GET /approve/{token}</c> shows the question and answers nothing, because mail
/// scanners open links; it only passes an answer already recorded on the link on again. <c>POST</c>, with the form's
/// anti-forgery token, records the answer. A used, expired, forged or superseded link gets a page that says so in the
/// recipient's language, never an error trace.
/// </summary>
public sealed class ApprovalPages(
    ApprovalLinks links, IAntiforgery antiforgery, PostedForms forms, DocumentStore documents, PageRenderer pages, StaffSignIn staff, CaseIndex cases)
{
    /// <summary>Shows the question of a link.</summary>
    public async Task<IResult> ShowAsync(HttpContext context, string token, IWorkflowEvents workflows)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = await links.OpenAsync(token, workflows, context.RequestAborted);
        var text = PageLanguage.Resolve(context, link.State == ApprovalState.Unknown ? null : link.Language);
        return link.State switch
        {
            ApprovalState.Open => await QuestionAsync(context, text, token, link, [], null, StatusCodes.Status200OK),
            ApprovalState.Answered => await pages.MessageAsync(context, text, link.Title, StatusCodes.Status200OK, text.Format("alreadyRecorded", LabelOf(link, link.Answer))),
            ApprovalState.Expired => await pages.MessageAsync(context, text, link.Title, StatusCodes.Status410Gone, text["expired"]),
            ApprovalState.Superseded => await pages.MessageAsync(context, text, link.Title, StatusCodes.Status410Gone, text["superseded"]),
            ApprovalState.Closed => await pages.MessageAsync(context, text, link.Title, StatusCodes.Status410Gone, text["closed"]),
            _ => await pages.MessageAsync(context, text, "RefugeeHome", StatusCodes.Status404NotFound, text["unknown"]),
        };
    }

    /// <summary>Streams the private document of a link while the link is open; otherwise shows why not.</summary>
    public async Task<IResult> ShowDocumentAsync(HttpContext context, string token, IWorkflowEvents workflows)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = await links.FindAsync(token, context.RequestAborted);
        if (link.State != ApprovalState.Open || link.DocumentName is null ||
            await documents.OpenAsync(link.DocumentName, context.RequestAborted) is not { } document)
        {
            return await ShowAsync(context, token, workflows);
        }

        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = "sandbox";
        return Results.Stream(document, "application/pdf", fileDownloadName: "document.pdf");
    }

    /// <summary>Records the answer posted from the question's page.</summary>
    public async Task<IResult> AnswerAsync(HttpContext context, string token, IWorkflowEvents workflows)
    {
        ArgumentNullException.ThrowIfNull(context);
        var posted = await forms.ReadAsync(context);
        if (posted.Form is not { } form)
        {
            var formText = PageLanguage.Resolve(context);
            return await forms.RefuseAsync(context, formText, "RefugeeHome", posted.Refusal!.Value);
        }

        var choice = form["choice"].ToString();
        var values = form.Keys.Where(key => key.StartsWith(ApprovalQuestion.FieldPrefix, StringComparison.Ordinal))
            .ToDictionary(key => key[ApprovalQuestion.FieldPrefix.Length..], key => form[key].ToString(), StringComparer.Ordinal);
        var note = form["note"].ToString();
        var asked = await links.FindAsync(token, context.RequestAborted);
        if (!TypedText.IsClean(note, multiline: true) || (asked.NoteReaches is not null && TypedText.HoldsCitizenServiceNumber(note)))
        {
            // Checked before the link is touched: nothing is recorded, and the page keeps what was typed.
            var noteText = PageLanguage.Resolve(context, asked.Language);
            var problem = TypedText.IsClean(note, multiline: true) ? noteText["noteCitizenServiceNumber"] : noteText["noteCharacters"];
            return asked.State == ApprovalState.Open
                ? await QuestionAsync(context, noteText, token, asked, [new FormProblem("note", problem)], form, StatusCodes.Status400BadRequest)
                : await ShowAsync(context, token, workflows);
        }

        var redemption = await links.RedeemAsync(token, new ApprovalSubmission(choice, string.IsNullOrWhiteSpace(note) ? null : note, values)
        {
            AnsweredBy = staff.Identify(context)?.Signature,
        }, workflows, context.RequestAborted);
        var link = redemption.Link;
        var text = PageLanguage.Resolve(context, redemption.Outcome == RedeemOutcome.Unknown ? null : link.Language);
        var chosen = LabelOf(link, choice);
        return redemption.Outcome switch
        {
            // A household hears of the next step by email; staff see it in the case.
            RedeemOutcome.Recorded => await pages.MessageAsync(context, text, link.Title, StatusCodes.Status200OK,
                text.Format(link.Audience is null or "host" or "guest" ? "recorded" : "recordedForStaff", chosen)),
            RedeemOutcome.AlreadyRecorded => await pages.MessageAsync(context, text, link.Title, StatusCodes.Status200OK, text.Format("alreadyRecorded", chosen)),
            RedeemOutcome.AnsweredOtherwise => await pages.MessageAsync(context, text, link.Title, StatusCodes.Status409Conflict, text.Format("answeredOtherwise", LabelOf(link, link.Answer))),
            RedeemOutcome.Expired => await pages.MessageAsync(context, text, link.Title, StatusCodes.Status410Gone, text["expired"]),
            RedeemOutcome.Superseded => await pages.MessageAsync(context, text, link.Title, StatusCodes.Status410Gone, text["superseded"]),
            RedeemOutcome.Closed => await pages.MessageAsync(context, text, link.Title, StatusCodes.Status410Gone, text["closed"]),
            RedeemOutcome.InvalidChoice => await pages.MessageAsync(context, text, link.Title, StatusCodes.Status400BadRequest, text["invalidChoice"]),
            RedeemOutcome.InvalidValues => await QuestionAsync(context, text, token, link,
                redemption.Problems.Select(problem => new FormProblem(ApprovalQuestion.FieldPrefix + problem.Field.Name, Describe(problem, text))).ToList(), form,
                StatusCodes.Status400BadRequest),
            RedeemOutcome.Refused => await pages.MessageAsync(context, text, link.Title, StatusCodes.Status409Conflict, text["notRecorded"], redemption.Reason ?? ""),
            _ => await pages.MessageAsync(context, text, "RefugeeHome", StatusCodes.Status404NotFound, text["unknown"]),
        };
    }

    // A form shown again after a mistake keeps what was typed and says which button was pressed, so only the mistake needs fixing.
    private async Task<IResult> QuestionAsync(
        HttpContext context, PageText text, string token, ApprovalLink link, IReadOnlyList<FormProblem> problems, IFormCollection? previous, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var form = new FormState(text, new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? ""), previous, problems);
        var chosenBefore = previous is null ? null : LabelOf(link, previous["choice"].ToString());
        return await pages.RenderAsync<ApprovalQuestionPage, ApprovalQuestion>(context, text,
            new ApprovalQuestion(token, link, form, chosenBefore) { Subject = await SubjectAsync(link, context.RequestAborted) }, status);
    }

    // A question to staff says which household it is about; the matcher, who works on facts, reads the case number only.
    private async Task<string?> SubjectAsync(ApprovalLink link, CancellationToken cancellationToken)
    {
        if (link.Audience is null or "host" or "guest" || await cases.FindAsync(link.InstanceId, cancellationToken) is not { } about)
        {
            return null;
        }

        return link.Audience != "matcher" && about.Name is { Length: > 0 } name ? $"{name} · {about.CaseNumber}" : about.CaseNumber;
    }

    private static string Describe(FieldProblem problem, PageText text) => problem.Kind switch
    {
        FieldProblemKind.Required => text.Format("fieldRequired", problem.Field.Label),
        FieldProblemKind.TooEarly => text.Format("fieldTooEarly", problem.Field.Label),
        FieldProblemKind.AboveMaximum when problem.Field.MaximumReason is { } reason => $"{problem.Field.Label}: {reason}",
        _ => text.Format("fieldInvalid", problem.Field.Label),
    };

    private static string? LabelOf(ApprovalLink link, string? value) =>
        link.Choices.FirstOrDefault(choice => choice.Value == value)?.Label ?? value;
}
