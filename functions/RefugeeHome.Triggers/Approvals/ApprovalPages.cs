using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Approvals;
using RefugeeHome.Storage;
using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Triggers.Approvals;

/// <summary>
/// The pages behind approval links. <c>GET /approve/{token}</c> shows the question and changes nothing, because mail
/// scanners open links. <c>POST</c>, with the form's anti-forgery token, records the answer. A used, expired, forged or
/// superseded link gets a page that says so in the recipient's language, never an error trace.
/// </summary>
public sealed class ApprovalPages(ApprovalLinks links, IAntiforgery antiforgery, DocumentStore documents)
{
    /// <summary>Shows the question of a link.</summary>
    public async Task<IResult> ShowAsync(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = await links.FindAsync(token, context.RequestAborted);
        var (language, texts) = ApprovalTexts.For(link.State == ApprovalState.Unknown ? HtmlPage.PreferredLanguage(context, ApprovalTexts.Languages) : link.Language);
        return link.State switch
        {
            ApprovalState.Open => HtmlPage.Render(context, language, link.Title, QuestionForm(context, token, link, texts, [], null), StatusCodes.Status200OK),
            ApprovalState.Answered => HtmlPage.Render(context, language, link.Title, HtmlPage.Paragraph(texts.AlreadyRecorded, LabelOf(link, link.Answer)), StatusCodes.Status200OK),
            ApprovalState.Expired => HtmlPage.Render(context, language, link.Title, HtmlPage.Paragraph(texts.Expired), StatusCodes.Status410Gone),
            ApprovalState.Superseded => HtmlPage.Render(context, language, link.Title, HtmlPage.Paragraph(texts.Superseded), StatusCodes.Status410Gone),
            ApprovalState.Closed => HtmlPage.Render(context, language, link.Title, HtmlPage.Paragraph(texts.Closed), StatusCodes.Status410Gone),
            _ => HtmlPage.Render(context, language, "RefugeeHome", HtmlPage.Paragraph(texts.Unknown), StatusCodes.Status404NotFound),
        };
    }

    /// <summary>Streams the private document of a link while the link is open; otherwise shows why not.</summary>
    public async Task<IResult> ShowDocumentAsync(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = await links.FindAsync(token, context.RequestAborted);
        if (link.State != ApprovalState.Open || link.DocumentName is null ||
            await documents.OpenAsync(link.DocumentName, context.RequestAborted) is not { } document)
        {
            return await ShowAsync(context, token);
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
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            var (formLanguage, formTexts) = ApprovalTexts.For(HtmlPage.PreferredLanguage(context, ApprovalTexts.Languages));
            return HtmlPage.Render(context, formLanguage, "RefugeeHome", HtmlPage.Paragraph(formTexts.FormExpired), StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var choice = form["choice"].ToString();
        var values = form.Keys.Where(key => key.StartsWith(FieldPrefix, StringComparison.Ordinal))
            .ToDictionary(key => key[FieldPrefix.Length..], key => form[key].ToString(), StringComparer.Ordinal);
        var note = form["note"].ToString();
        var redemption = await links.RedeemAsync(token, new ApprovalSubmission(choice, string.IsNullOrWhiteSpace(note) ? null : note, values), workflows, context.RequestAborted);
        var link = redemption.Link;
        var (language, texts) = ApprovalTexts.For(redemption.Outcome == RedeemOutcome.Unknown ? HtmlPage.PreferredLanguage(context, ApprovalTexts.Languages) : link.Language);
        var chosen = LabelOf(link, choice);
        return redemption.Outcome switch
        {
            RedeemOutcome.Recorded => HtmlPage.Render(context, language, link.Title, HtmlPage.Paragraph(texts.Recorded, chosen), StatusCodes.Status200OK),
            RedeemOutcome.AlreadyRecorded => HtmlPage.Render(context, language, link.Title, HtmlPage.Paragraph(texts.AlreadyRecorded, chosen), StatusCodes.Status200OK),
            RedeemOutcome.AnsweredOtherwise => HtmlPage.Render(context, language, link.Title, HtmlPage.Paragraph(texts.AnsweredOtherwise, LabelOf(link, link.Answer)), StatusCodes.Status409Conflict),
            RedeemOutcome.Expired => HtmlPage.Render(context, language, link.Title, HtmlPage.Paragraph(texts.Expired), StatusCodes.Status410Gone),
            RedeemOutcome.Superseded => HtmlPage.Render(context, language, link.Title, HtmlPage.Paragraph(texts.Superseded), StatusCodes.Status410Gone),
            RedeemOutcome.Closed => HtmlPage.Render(context, language, link.Title, HtmlPage.Paragraph(texts.Closed), StatusCodes.Status410Gone),
            RedeemOutcome.InvalidChoice => HtmlPage.Render(context, language, link.Title, HtmlPage.Paragraph(texts.InvalidChoice), StatusCodes.Status400BadRequest),
            RedeemOutcome.InvalidValues => HtmlPage.Render(context, language, link.Title,
                QuestionForm(context, token, link, texts, redemption.Problems.Select(problem => Describe(problem, texts)).ToList(), form), StatusCodes.Status400BadRequest),
            RedeemOutcome.Refused => HtmlPage.Render(context, language, link.Title,
                HtmlPage.Paragraph(texts.NotRecorded) + HtmlPage.Paragraph(redemption.Reason ?? ""), StatusCodes.Status409Conflict),
            _ => HtmlPage.Render(context, language, "RefugeeHome", HtmlPage.Paragraph(texts.Unknown), StatusCodes.Status404NotFound),
        };
    }

    private const string FieldPrefix = "field.";

    // A form shown again after a mistake keeps what was typed and says which button was pressed, so only the mistake needs fixing.
    private string QuestionForm(HttpContext context, string token, ApprovalLink link, ApprovalTexts texts, List<string> problems, IFormCollection? previous)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var form = new StringBuilder();
        foreach (var detail in link.Details)
        {
            form.Append(HtmlPage.Paragraph(detail));
        }

        if (link.DocumentName is not null)
        {
            form.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/approve/{HtmlPage.Encode(token)}/document\">{HtmlPage.Encode(texts.OpenDocument)}</a></p>");
        }

        if (problems.Count > 0)
        {
            form.Append(HtmlPage.Paragraph(texts.NotRecorded)).Append(HtmlPage.ErrorList(problems));
            form.Append(HtmlPage.Paragraph(texts.ChosenBefore, LabelOf(link, previous?["choice"].ToString())));
        }

        form.Append(HtmlPage.Paragraph(texts.Confirm));
        form.Append("<form method=\"post\">");
        form.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{HtmlPage.Encode(tokens.FormFieldName)}\" value=\"{HtmlPage.Encode(tokens.RequestToken ?? "")}\">");
        foreach (var field in link.Fields)
        {
            form.Append(FieldInput(field, previous?[FieldPrefix + field.Name].ToString()));
        }

        form.Append(CultureInfo.InvariantCulture, $"<p><label for=\"note\">{HtmlPage.Encode(texts.NoteLabel)}</label><br><textarea id=\"note\" name=\"note\" maxlength=\"2000\" rows=\"3\" cols=\"50\">{HtmlPage.Encode(previous?["note"].ToString())}</textarea></p><p>");
        foreach (var choice in link.Choices)
        {
            form.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" name=\"choice\" value=\"{HtmlPage.Encode(choice.Value)}\">{HtmlPage.Encode(choice.Label)}</button> ");
        }

        return form.Append("</p></form>").ToString();
    }

    private static string FieldInput(ApprovalField field, string? value)
    {
        var name = HtmlPage.Encode(FieldPrefix + field.Name);
        var label = $"<label for=\"{name}\">{HtmlPage.Encode(field.Label)}</label><br>";
        var kept = HtmlPage.Encode(value ?? "");
        return field.Kind switch
        {
            ApprovalFieldKind.Date => $"<p>{label}<input type=\"date\" id=\"{name}\" name=\"{name}\" value=\"{kept}\"></p>",
            ApprovalFieldKind.Number => string.Create(CultureInfo.InvariantCulture,
                $"<p>{label}<input type=\"number\" min=\"0\" step=\"0.01\" id=\"{name}\" name=\"{name}\" value=\"{kept}\"{(field.Maximum is { } maximum ? $" max=\"{maximum}\"" : "")}></p>"),
            _ => $"<p>{label}<select id=\"{name}\" name=\"{name}\"><option value=\"\"></option>" +
                string.Concat(field.Options.Select(option =>
                    $"<option value=\"{HtmlPage.Encode(option.Value)}\"{(option.Value == value ? " selected" : "")}>{HtmlPage.Encode(option.Label)}</option>")) + "</select></p>",
        };
    }

    private static string Describe(FieldProblem problem, ApprovalTexts texts) => problem.Kind switch
    {
        FieldProblemKind.Required => string.Format(CultureInfo.InvariantCulture, texts.FieldRequired, problem.Field.Label),
        FieldProblemKind.TooEarly => string.Format(CultureInfo.InvariantCulture, texts.FieldTooEarly, problem.Field.Label),
        FieldProblemKind.AboveMaximum when problem.Field.MaximumReason is { } reason => $"{problem.Field.Label}: {reason}",
        _ => string.Format(CultureInfo.InvariantCulture, texts.FieldInvalid, problem.Field.Label),
    };

    private static string? LabelOf(ApprovalLink link, string? value) =>
        link.Choices.FirstOrDefault(choice => choice.Value == value)?.Label ?? value;
}
