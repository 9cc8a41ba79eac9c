using Microsoft.AspNetCore.Http;

namespace RefugeeHome.Triggers.Pages;

/// <summary>
/// Which language a page is shown in: the one just chosen with <c>?lang=</c>, which is remembered in a cookie; else the
/// language of the person a link was written for, so a page never mixes it with another; else the one remembered;
/// else the one the browser asks for.
/// </summary>
public static class PageLanguage
{
    /// <summary>The cookie that remembers the chosen language; it holds the language code and nothing else.</summary>
    public const string Cookie = "rh-lang";

    /// <summary>The language of the page for <paramref name="context"/>, written for someone who reads <paramref name="ownLanguage"/> if known.</summary>
    public static PageText Resolve(HttpContext context, string? ownLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Offered(context.Request.Query["lang"].ToString()) is { } chosen)
        {
            context.Response.Cookies.Append(Cookie, chosen, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
                Path = "/",
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
            return PageText.For(chosen);
        }

        return PageText.For(Offered(ownLanguage) ?? Offered(context.Request.Cookies[Cookie]) ?? Preferred(context));
    }

    private static string? Offered(string? language) =>
        language is { Length: > 0 } && PageText.Languages.Contains(language, StringComparer.OrdinalIgnoreCase) ? language.ToLowerInvariant() : null;

    private static string Preferred(HttpContext context) =>
        context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => Offered(language.Value.Value?.Split('-')[0]))
            .FirstOrDefault(language => language is not null) ?? "en";
}
