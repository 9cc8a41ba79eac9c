using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Testing;

namespace RefugeeHome.Browser.Tests;

/// <summary>
/// The local runner on an in-memory Azurite of its own, and Debian's headless chromium driven by Playwright (never a browser of
/// Playwright's own download). Each test opens its own browser context, so cookies do not pass between tests.
/// </summary>
public sealed class ProductInBrowser : IAsyncLifetime
{
    /// <summary>The coordinator key of the runner.</summary>
    public const string CoordinatorKey = "browser-coordinator-key";

    /// <summary>The statistics key of the runner.</summary>
    public const string StatisticsKey = "browser-statistics-key";

    private AzuriteProcess? _storage;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private RunnerProcess? _runner;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http = new();

    /// <summary>The runner.</summary>
    public RunnerProcess Runner => _runner ?? throw new InvalidOperationException("The runner has not started.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _storage = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), AzuriteOptions.InMemoryOnFreePorts(), TestContext.Current.CancellationToken);
        _runner = await RunnerProcess.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _storage.ConnectionString,
            ["Coordinator__ApiKey"] = CoordinatorKey,
            ["Statistics__ApiKey"] = StatisticsKey,
            ["Approvals__SigningKey"] = Convert.ToBase64String(Enumerable.Range(11, 32).Select(i => (byte)i).ToArray()),
            // A calendar day of a second, and a placement of 91 of them: a move-in today starts at once, and no review comes during a test.
            ["Workflows__CalendarDay"] = "00:00:01",
            ["Workflows__PlacementLength"] = "00:01:31",
            ["Workflows__ReviewLead"] = "00:00:14",
            ["Workflows__MatchingSchedule"] = "0 0 29 2 *",
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval"] = "00:00:00.5",
        }, TestContext.Current.CancellationToken);
        _http.BaseAddress = _runner.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A new page in a browser context of its own, with <paramref name="locale"/> as the browser's language.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB")
    {
        var context = await (_browser ?? throw new InvalidOperationException("The browser has not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Runner.BaseAddress.ToString(),
            Locale = locale,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Sends the ministry's report now, as its timer would at night.</summary>
    public async Task RunStatisticsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/statistics/run", UriKind.Relative));
        request.Headers.Add("X-Api-Key", StatisticsKey);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Signs <paramref name="page"/>'s browser in to the console with the development sign-in, as <paramref name="role"/>.</summary>
    public static async Task SignInAsync(IPage page, string role, string name, string email)
    {
        await page.GotoAsync("staff/sign-in");
        await page.Locator("#role").SelectOptionAsync(role);
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/staff", StringComparison.Ordinal) && !url.Contains("sign-in", StringComparison.Ordinal));
    }

    /// <summary>Waits for the email to <paramref name="to"/> whose subject contains <paramref name="subject"/>, and that <paramref name="matches"/> if given.</summary>
    public async Task<OutboxEmail> EmailAsync(string to, string subject, Func<OutboxEmail, bool>? matches = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("dev/outbox", UriKind.Relative));
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await _http.SendAsync(request);
            var emails = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
                .Select(email => new OutboxEmail(email.GetProperty("to")[0].GetString()!, email.GetProperty("subject").GetString()!, email.GetProperty("html").GetString() ?? ""))
                .ToList();
            if (emails.FirstOrDefault(email => email.To == to && email.Subject.Contains(subject, StringComparison.Ordinal) && (matches is null || matches(email))) is { } found)
            {
                return found;
            }

            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"No email '{subject}' to {to}. Outbox: {string.Join("; ", emails.Select(email => $"{email.To}: {email.Subject}"))}\n{Runner.Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_runner is not null)
        {
            await _runner.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        _http.Dispose();
    }
}
