using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RefugeeHome.Cases;
using RefugeeHome.Triggers.Approvals;
using RefugeeHome.Triggers.Documents;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Triggers.Staff;

namespace RefugeeHome.Approvals.Tests;

/// <summary>The approval pages on Kestrel at a free loopback port, and a client that keeps cookies like a browser.</summary>
internal sealed partial class PageHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PageHost(WebApplication app, HttpClient browser)
    {
        _app = app;
        Browser = browser;
    }

    public HttpClient Browser { get; }

    public static async Task<PageHost> StartAsync(ApprovalHarness harness)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton(harness.Links);
        builder.Services.AddSingleton(harness.Documents);
        builder.Services.AddSingleton<TimeProvider>(harness.Clock);
        builder.Services.AddSingleton(new StaffOptions());
        builder.Services.AddSingleton<StaffSignIn>();
        builder.Services.AddSingleton(new CaseIndex(harness.Tables));
        builder.Services.AddSingleton<PageRenderer>();
        builder.Services.AddSingleton<PostedForms>();
        builder.Services.AddSingleton<ApprovalPages>();
        builder.Services.AddSingleton<UploadPages>();
        var app = builder.Build();
        app.MapGet("/approve/{token}", (HttpContext context, string token, ApprovalPages pages) => pages.ShowAsync(context, token, harness.Events));
        app.MapPost("/approve/{token}", (HttpContext context, string token, ApprovalPages pages) => pages.AnswerAsync(context, token, harness.Events));
        app.MapGet("/upload/{token}", (HttpContext context, string token, UploadPages pages) => pages.ShowAsync(context, token, harness.Events));
        app.MapPost("/upload/{token}", (HttpContext context, string token, UploadPages pages) => pages.UploadAsync(context, token, harness.Events));
        await app.StartAsync();
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(app.Urls.First()) };
        return new PageHost(app, browser);
    }

    /// <summary>Opens the page, then presses the button of <paramref name="choice"/> with <paramref name="note"/>.</summary>
    public async Task<HttpResponseMessage> AnswerAsync(string token, string choice, string? note = null) =>
        await SubmitAsync(token, await OpenFormAsync(token), choice, note);

    /// <summary>Opens the page and keeps its form, as a browser tab left open does.</summary>
    public async Task<KeyValuePair<string, string>> OpenFormAsync(string token)
    {
        var page = await (await Browser.GetAsync(new Uri("approve/" + token, UriKind.Relative))).Content.ReadAsStringAsync();
        return AntiforgeryField(page);
    }

    /// <summary>The anti-forgery field of the form on <paramref name="page"/>.</summary>
    public static KeyValuePair<string, string> AntiforgeryField(string page)
    {
        var field = HiddenField().Match(page);
        return new(field.Groups["name"].Value, WebUtility.HtmlDecode(field.Groups["value"].Value));
    }

    /// <summary>Presses a button of a form opened earlier.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(
        string token, KeyValuePair<string, string> antiforgery, string choice, string? note = null, IReadOnlyDictionary<string, string>? values = null)
    {
        var form = new Dictionary<string, string> { [antiforgery.Key] = antiforgery.Value, ["choice"] = choice };
        foreach (var (field, value) in values ?? new Dictionary<string, string>())
        {
            form["field." + field] = value;
        }

        if (note is not null)
        {
            form["note"] = note;
        }

        using var content = new FormUrlEncodedContent(form);
        return await Browser.PostAsync(new Uri("approve/" + token, UriKind.Relative), content);
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await _app.DisposeAsync();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\" />")]
    private static partial Regex HiddenField();
}
