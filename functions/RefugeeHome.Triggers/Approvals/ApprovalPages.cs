using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Approvals;

namespace RefugeeHome.Triggers.Approvals;

/// <summary>
/// The pages behind approval links. <c>GET /approve/{token}</c> shows the question and changes nothing, because mail
/// scanners open links. <c>POST</c>, with the form's anti-forgery token, records the answer. A used, expired, forged or
/// superseded link gets a page that says so in the recipient's language, never an error trace.
/// </summary>
public sealed class ApprovalPages(ApprovalLinks links, IAntiforgery antiforgery)
{
    /// <summary>Shows the question of a link.</summary>
    public async Task<IResult> ShowAsync(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = await links.FindAsync(token, context.RequestAborted);
        var (language, texts) = ApprovalTexts.For(link.State == ApprovalState.Unknown ? PreferredLanguage(context) : link.Language);
        return link.State switch
        {
            ApprovalState.Open => Page(context, language, link.Title, QuestionForm(context, link, texts), StatusCodes.Status200OK),
            ApprovalState.Answered => Page(context, language, link.Title, Paragraph(texts.AlreadyRecorded, LabelOf(link, link.Answer)), StatusCodes.Status200OK),
            ApprovalState.Expired => Page(context, language, link.Title, Paragraph(texts.Expired), StatusCodes.Status410Gone),
            ApprovalState.Superseded => Page(context, language, link.Title, Paragraph(texts.Superseded), StatusCodes.Status410Gone),
            _ => Page(context, language, "RefugeeHome", Paragraph(texts.Unknown), StatusCodes.Status404NotFound),
        };
    }

    /// <summary>Records the answer posted from the question's page.</summary>
    public async Task<IResult> AnswerAsync(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await antiforgery.IsRequestValidAsync(context) || !context.Request.HasFormContentType)
        {
            var (formLanguage, formTexts) = ApprovalTexts.For(PreferredLanguage(context));
            return Page(context, formLanguage, "RefugeeHome", Paragraph(formTexts.FormExpired), StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (outcome, link) = await links.RedeemAsync(token, form["choice"].ToString(), NullIfBlank(form["note"].ToString()), context.RequestAborted);
        var (language, texts) = ApprovalTexts.For(outcome == RedeemOutcome.Unknown ? PreferredLanguage(context) : link.Language);
        var chosen = LabelOf(link, form["choice"].ToString());
        return outcome switch
        {
            RedeemOutcome.Recorded => Page(context, language, link.Title, Paragraph(texts.Recorded, chosen), StatusCodes.Status200OK),
            RedeemOutcome.AlreadyRecorded => Page(context, language, link.Title, Paragraph(texts.AlreadyRecorded, chosen), StatusCodes.Status200OK),
            RedeemOutcome.AnsweredOtherwise => Page(context, language, link.Title, Paragraph(texts.AnsweredOtherwise, LabelOf(link, link.Answer)), StatusCodes.Status409Conflict),
            RedeemOutcome.Expired => Page(context, language, link.Title, Paragraph(texts.Expired), StatusCodes.Status410Gone),
            RedeemOutcome.Superseded => Page(context, language, link.Title, Paragraph(texts.Superseded), StatusCodes.Status410Gone),
            RedeemOutcome.InvalidChoice => Page(context, language, link.Title, Paragraph(texts.InvalidChoice), StatusCodes.Status400BadRequest),
            _ => Page(context, language, "RefugeeHome", Paragraph(texts.Unknown), StatusCodes.Status404NotFound),
        };
    }

    private string QuestionForm(HttpContext context, ApprovalLink link, ApprovalTexts texts)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var form = new StringBuilder();
        form.Append(Paragraph(texts.Confirm));
        form.Append("<form method=\"post\">");
        form.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken ?? "")}\">");
        form.Append(CultureInfo.InvariantCulture, $"<p><label for=\"note\">{Encode(texts.NoteLabel)}</label><br><textarea id=\"note\" name=\"note\" maxlength=\"2000\" rows=\"3\" cols=\"50\"></textarea></p><p>");
        foreach (var choice in link.Choices)
        {
            form.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" name=\"choice\" value=\"{Encode(choice.Value)}\">{Encode(choice.Label)}</button> ");
        }

        return form.Append("</p></form>").ToString();
    }

    private static IResult Page(HttpContext context, string language, string title, string body, int status)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        var html = $"<!doctype html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
            $"<title>{Encode(title)}</title></head><body><h1>{Encode(title)}</h1>{body}</body></html>";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string Paragraph(string text, string? value = null) =>
        "<p>" + Encode(value is null ? text : string.Format(CultureInfo.InvariantCulture, text, value)) + "</p>";

    private static string? LabelOf(ApprovalLink link, string? value) =>
        link.Choices.FirstOrDefault(choice => choice.Value == value)?.Label ?? value;

    private static string PreferredLanguage(HttpContext context) =>
        context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => language.Value.Value?.Split('-')[0])
            .FirstOrDefault(language => language is not null && ApprovalTexts.Languages.Contains(language, StringComparer.OrdinalIgnoreCase)) ?? "en";

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // Encodes markup but keeps Cyrillic and accented letters readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string? value) => Encoder.Encode(value ?? "");
}
