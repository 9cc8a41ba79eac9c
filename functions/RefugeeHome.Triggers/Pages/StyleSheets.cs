using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace RefugeeHome.Triggers.Pages;

/// <summary>
/// The pages' style sheets: the NL Design System's component library and its example theme, taken from their npm
/// packages at build time and served from this assembly, plus the few rules of the product's own layout.
/// </summary>
public static class StyleSheets
{
    /// <summary>The route segment the style sheets are served under.</summary>
    public const string Route = "assets";

    /// <summary>The design-token theme.</summary>
    public const string Theme = "theme.css";

    /// <summary>The component library.</summary>
    public const string Components = "components.css";

    /// <summary>The product's own layout.</summary>
    public const string Site = "site.css";

    private static readonly FrozenDictionary<string, byte[]> Files = new[] { Theme, Components, Site }
        .ToFrozenDictionary(name => name, Read, StringComparer.Ordinal);

    /// <summary>Serves the style sheet <paramref name="name"/>, or 404.</summary>
    public static IResult Serve(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Files.TryGetValue(name, out var content))
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return Results.Bytes(content, "text/css; charset=utf-8");
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(StyleSheets).Assembly.GetManifestResourceStream("RefugeeHome.Triggers.assets." + name)
            ?? throw new InvalidOperationException($"The style sheet '{name}' was not built into the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
