using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RefugeeHome.Triggers.Pages;

/// <summary>
/// The one way pages are written: a Razor component rendered on the server to a whole HTML document, with no caching,
/// no referrer (a token in the address must not leak to another site), no indexing and a strict content security policy.
/// </summary>
public sealed class PageRenderer(ILoggerFactory loggerFactory)
{
    // The pages' components take no services; the renderer's own container only keeps Cyrillic and accented letters
    // readable in the page source, where the default encoder would write each as a character reference.
    private readonly IServiceProvider services = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    /// <summary>The content security policy of every page: its own style sheets, its own forms, nothing else.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Renders <typeparamref name="TPage"/> about <paramref name="model"/> in the language of <paramref name="text"/>.</summary>
    public async Task<IResult> RenderAsync<TPage, TModel>(HttpContext context, PageText text, TModel model, int status)
        where TPage : PageComponent<TModel>
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(PageComponent<TModel>.Model)] = model,
            [nameof(PageComponent<TModel>.Text)] = text,
            [nameof(PageComponent<TModel>.Path)] = context.Request.Path.Value ?? "/",
        });
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<TPage>(parameters)).ToHtmlString());
        WriteHeaders(context.Response);
        return Results.Content("<!doctype html>" + html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A page that says <paramref name="paragraphs"/> under <paramref name="title"/>.</summary>
    public Task<IResult> MessageAsync(HttpContext context, PageText text, string title, int status, params string[] paragraphs) =>
        RenderAsync<MessagePage, Message>(context, text, new Message(title, paragraphs), status);

    /// <summary>
    /// A refusal or failure told as a page to a person, and as <c>{"error": message}</c> to a program (a request to
    /// <c>/api</c> or one that sent JSON).
    /// </summary>
    public async Task<IResult> RefusalAsync(HttpContext context, PageText text, string title, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.Request.HasJsonContentType()
            ? Results.Json(new { error = message }, statusCode: status)
            : await MessageAsync(context, text, title, status, message);
    }

    /// <summary>The headers every page and asset is sent with.</summary>
    public static void WriteHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex";
        headers["X-Content-Type-Options"] = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }
}
