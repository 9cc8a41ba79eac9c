using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace RefugeeHome.Triggers.Pages;

/// <summary>
/// The one way pages are written: a small self-contained HTML document with every value encoded, no caching, no
/// referrer (a token in the address must not leak to another site), no indexing and a strict content security policy.
/// </summary>
public static class HtmlPage
{
    // Encodes markup but keeps Cyrillic and accented letters readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Renders a page with <paramref name="body"/>, which must be encoded HTML.</summary>
    public static IResult Render(HttpContext context, string language, string title, string body, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex";
        headers["X-Content-Type-Options"] = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        var html = $"<!doctype html><html lang=\"{Encode(language)}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
            $"<title>{Encode(title)}</title><style>body{{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}}.errors{{color:#a00}}label{{font-weight:bold}}</style>" +
            $"</head><body><h1>{Encode(title)}</h1>{body}</body></html>";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A paragraph of <paramref name="text"/>, with <paramref name="value"/> put in its <c>{0}</c>.</summary>
    public static string Paragraph(string text, string? value = null) =>
        "<p>" + Encode(value is null ? text : string.Format(CultureInfo.InvariantCulture, text, value)) + "</p>";

    /// <summary>A list of problems, shown before the form that caused them.</summary>
    public static string ErrorList(IEnumerable<string> problems) =>
        "<ul class=\"errors\" role=\"alert\">" + string.Concat(problems.Select(problem => "<li>" + Encode(problem) + "</li>")) + "</ul>";

    /// <summary>HTML-encodes <paramref name="value"/>.</summary>
    public static string Encode(string? value) => Encoder.Encode(value ?? "");

    /// <summary>The first of <paramref name="offered"/> the browser asks for, English otherwise.</summary>
    public static string PreferredLanguage(HttpContext context, IReadOnlyCollection<string> offered)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => language.Value.Value?.Split('-')[0])
            .FirstOrDefault(language => language is not null && offered.Contains(language, StringComparer.OrdinalIgnoreCase))?.ToLowerInvariant() ?? "en";
    }
}
