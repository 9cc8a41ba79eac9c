using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Approvals;
using RefugeeHome.Cases;
using RefugeeHome.Registrations;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Workflows;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Triggers.Staff;

/// <summary>
/// What staff do to a case from the console. Every action that changes a workflow reaches it as the answer to a
/// question the console asks it by a link of its own and answers at once, so the workflow takes it as it takes any
/// answer: once however often a form is sent (each form carries a submission id, the link's issue key). Each action is
/// recorded in the case's timeline with who did it.
/// </summary>
public sealed class CaseActions(
    StaffPages staff, CaseIndex index, CaseTimeline timeline, ApprovalLinks links, HostRegistry hosts, GuestRegistry guests,
    HouseholdMatching matching, PostedForms forms, PageRenderer pages, TimeProvider clock)
{
    private const int MaxReasonLength = 2000;

    /// <summary>A coordinator closes a stuck case with a reason, with the answer its workflow takes from the household's own link.</summary>
    public async Task<IResult> CloseAsync(HttpContext context, string id, IWorkflowEvents workflows)
    {
        var (member, found, form, refusal) = await ReadAsync(context, id, StaffAccess.MayClose);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = PageLanguage.Resolve(context);
        var reason = form!["reason"].ToString().Trim();
        if (reason.Length is 0 or > MaxReasonLength || !TypedText.IsClean(reason, multiline: true) || Submission(form) is not { } submission)
        {
            return await staff.RenderCaseAsync(context, text, member!, found!,
                new PostedForm("close", form, [new FormProblem("reason", text["closeReasonMissing"])]), StatusCodes.Status400BadRequest);
        }

        if (found!.Ended || !CaseClosing.TakesClose(found.Kind, found.Stage))
        {
            return await staff.RenderCaseAsync(context, text, member!, found,
                new PostedForm("close", form, [new FormProblem("reason", text["closeNotNow"])]), StatusCodes.Status409Conflict);
        }

        var closing = CaseClosing.Of(found.Kind);
        await AnswerAsync(context, member!, new ApprovalRequest(id, ConsoleAnswers.EventName, closing.Purpose, "console-close-" + submission, text.Language,
            text["closeTitle"], [new ApprovalChoice(closing.Choice, text["closeButton"])], clock.GetUtcNow().AddDays(1)) { Round = closing.Round },
            new ApprovalSubmission(closing.Choice, reason, closing.Values), workflows);
        await RecordAsync(id, "close", submission, member!, null, context.RequestAborted);
        return Back(id, "close");
    }

    /// <summary>Corrects a household's registration: kept in the registry for its workflow, which applies it when told.</summary>
    public async Task<IResult> CorrectAsync(HttpContext context, string id, IWorkflowEvents workflows)
    {
        var (member, found, form, refusal) = await ReadAsync(context, id, member => member.Role is StaffRole.Coordinator or StaffRole.Screener or StaffRole.Caseworker);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = PageLanguage.Resolve(context);
        var cancellation = context.RequestAborted;
        if (!StaffAccess.MayCorrect(member!, found!) || found!.Ended)
        {
            return staff.Forbidden(context, member!);
        }

        if (Submission(form!) is not { } submission)
        {
            return await staff.UnknownCaseAsync(context, text);
        }

        var languages = form!["languages"].Select(language => language ?? "").ToList();
        IReadOnlyList<FieldError> errors;
        if (found.Kind == CaseKind.Host)
        {
            var correction = new HostCorrection(form["municipality"].ToString().Trim(), languages, form["email"].ToString().Trim(), form["phone"].ToString().Trim());
            errors = CorrectionValidation.Validate(correction, text.Language);
            if (errors.Count == 0)
            {
                errors = (await hosts.TakenByOthersAsync(id, correction, cancellation)).Select(field => new FieldError(field, text["correctionTaken"])).ToList();
            }

            if (errors.Count == 0)
            {
                await hosts.RequestCorrectionAsync(id, correction, cancellation);
            }
        }
        else
        {
            var correction = new GuestCorrection(form["municipality"].ToString().Trim(), form["eligibilityRecorded"].Any(value => value is "true" or "on"),
                form["householdLanguage"].ToString(), languages, Optional(form["contactEmail"].ToString()), Optional(form["contactPhone"].ToString()));
            errors = CorrectionValidation.Validate(correction, text.Language);
            if (errors.Count == 0)
            {
                await guests.RequestCorrectionAsync(id, correction, cancellation);
            }
        }

        if (errors.Count > 0)
        {
            return await staff.RenderCaseAsync(context, text, member!, found,
                new PostedForm("correct", form, errors.Select(error => new FormProblem(FormState.FieldNameOf(error.Field), error.Message)).ToList()),
                StatusCodes.Status400BadRequest);
        }

        // A guest household in a placement waits for the placement's workflow, which takes its corrections meanwhile.
        var workflow = found.Kind == CaseKind.Guest && found.PlacementId is { } placementId ? placementId : id;
        await AnswerAsync(context, member!, new ApprovalRequest(workflow, ConsoleAnswers.EventName, ConsoleAnswers.CorrectPurpose, "console-correct-" + submission, text.Language,
            text["correctTitle"], [new ApprovalChoice("correct", text["correctButton"])], clock.GetUtcNow().AddDays(1)),
            new ApprovalSubmission("correct", null, new Dictionary<string, string> { [ConsoleAnswers.HouseholdValue] = id }), workflows);
        await RecordAsync(id, "correct", submission, member!, null, cancellation);
        return Back(id, "correct");
    }

    /// <summary>A coordinator erases a finished household's data now, as the household asked, instead of at the end of its retention.</summary>
    public async Task<IResult> EraseAsync(HttpContext context, string id, IWorkflowEvents workflows)
    {
        var (member, found, form, refusal) = await ReadAsync(context, id, StaffAccess.MayClose);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = PageLanguage.Resolve(context);
        if (!CasePanels.MayErase(member!, found!) || Submission(form!) is not { } submission)
        {
            return await pages.MessageAsync(context, text, text["caseTitle"], StatusCodes.Status409Conflict, text["eraseNotNow"]);
        }

        await RecordAsync(id, "erase", submission, member!, null, context.RequestAborted);
        await AnswerAsync(context, member!, new ApprovalRequest(id, ConsoleAnswers.EventName, ConsoleAnswers.ErasePurpose, "console-erase-" + submission, text.Language,
            text["eraseTitle"], [new ApprovalChoice("erase", text["eraseButton"])], clock.GetUtcNow().AddDays(1)),
            new ApprovalSubmission("erase", null, new Dictionary<string, string>()), workflows);
        return await pages.MessageAsync(context, text, text["eraseTitle"], StatusCodes.Status200OK, text["eraseDone"]);
    }

    /// <summary>The matcher matches a waiting guest household with a host by hand, through the household's own proposal question.</summary>
    public async Task<IResult> MatchAsync(HttpContext context, string id, IWorkflowEvents workflows)
    {
        var (member, found, form, refusal) = await ReadAsync(context, id, StaffAccess.MayMatch);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = PageLanguage.Resolve(context);
        var hostId = form!["hostId"].ToString();
        if (Submission(form) is not { } submission || CaseKinds.Of(hostId) != CaseKind.Host || found!.Kind != CaseKind.Guest)
        {
            return await staff.UnknownCaseAsync(context, text);
        }

        if (await matching.MatchByHandAsync(id, hostId, text.Language, member!.Signature, submission, workflows, context.RequestAborted) is { } refused)
        {
            return await staff.RenderCaseAsync(context, text, member, found, new PostedForm("match", form, [new FormProblem("match", refused)]), StatusCodes.Status409Conflict);
        }

        await RecordAsync(id, "match", submission, member, CaseNumbers.Of(hostId), context.RequestAborted);
        return Back(id, "match");
    }

    /// <summary>The matcher turns one proposal down: the pair is never proposed again, and the household keeps waiting.</summary>
    public async Task<IResult> RejectAsync(HttpContext context, string id)
    {
        var (member, found, form, refusal) = await ReadAsync(context, id, StaffAccess.MayMatch);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = PageLanguage.Resolve(context);
        var token = form!["proposal"].ToString();
        var proposal = await links.FindAsync(token, context.RequestAborted);
        if (Submission(form) is not { } submission || !await matching.RejectAsync(id, token, context.RequestAborted))
        {
            return await staff.RenderCaseAsync(context, text, member!, found!,
                new PostedForm("match", form, [new FormProblem("match", text["rejectNotNow"])]), StatusCodes.Status409Conflict);
        }

        await RecordAsync(id, "reject", submission, member!, CaseNumbers.Of(proposal.Choices[0].Value), context.RequestAborted);
        return Back(id, "reject");
    }

    // The signed-in member allowed to act, the case they may see and the form sent with its anti-forgery token; or the answer that refuses.
    private async Task<(StaffMember? Member, CaseSummary? Found, IFormCollection? Form, IResult? Refusal)> ReadAsync(
        HttpContext context, string id, Func<StaffMember, bool> allowed)
    {
        var (member, refusal) = staff.Require(context, allowed);
        if (refusal is not null)
        {
            return (member, null, null, refusal);
        }

        var text = PageLanguage.Resolve(context);
        var found = await index.FindAsync(id, context.RequestAborted);
        if (found is null || !StaffAccess.MaySee(member!, found))
        {
            return (member, null, null, await staff.UnknownCaseAsync(context, text));
        }

        var posted = await forms.ReadAsync(context);
        return posted.Form is { } form
            ? (member, found, form, null)
            : (member, found, null, await forms.RefuseAsync(context, text, text["caseTitle"], posted.Refusal!.Value));
    }

    private async Task AnswerAsync(HttpContext context, StaffMember member, ApprovalRequest question, ApprovalSubmission answer, IWorkflowEvents workflows)
    {
        var link = await links.IssueAsync(question with { Audience = member.RoleCode }, context.RequestAborted);
        await links.RedeemAsync(link.AbsolutePath.Split('/')[^1], answer with { AnsweredBy = member.Signature }, workflows, context.RequestAborted);
    }

    private Task RecordAsync(string id, string action, string submission, StaffMember member, string? detail, CancellationToken cancellationToken) =>
        timeline.AddAsync(id, new TimelineEntry($"action|{action}|{submission}", clock.GetUtcNow(), TimelineKind.Action, action) { By = member.Signature, Detail = detail },
            cancellationToken);

    private static string? Submission(IFormCollection form) => Guid.TryParse(form["submissionId"].ToString(), out var submission) ? submission.ToString() : null;

    private static string? Optional(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Back to the case, which says what was done while the workflow catches up.
    private static IResult Back(string id, string action) => Results.Redirect($"/staff/cases/{id}?done={action}");
}
