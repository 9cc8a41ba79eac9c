using System.Globalization;
using AwesomeAssertions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RefugeeHome.Cases;
using RefugeeHome.Hosting.LocalStorage;

namespace RefugeeHome.Browser.Tests;

/// <summary>
/// Every page in every language scanned by axe (WCAG 2.1 A and AA rules): no serious or critical violation. With the
/// setting <c>SCREENSHOTS</c> naming a folder (relative to the repository), each scanned page is also saved there as
/// a full-page screenshot, for a reviewer to look at.
/// </summary>
public sealed class AccessibilityTests(ProductInBrowser product)
{
    private const string Screener = "screening@refugeehome.localhost";
    private static readonly string[] Languages = ["nl", "en", "uk", "ru"];

    [Fact]
    public async Task Every_page_in_every_language_has_no_serious_or_critical_accessibility_violation()
    {
        var (question, upload, welcome) = await OpenLinksAsync();
        var hostId = welcome.CaseId!;
        var guestId = await product.RegisterGuestAsync("Ганна Бондар");
        await product.RunStatisticsAsync();
        var pages = new (string Name, string Path, Func<IPage, Task>? Then)[]
        {
            ("start", "/", null),
            ("staff-sign-in", "staff/sign-in", null),
            ("staff-sign-in-mistakes", "staff/sign-in", page => page.Locator("button[type=submit]").ClickAsync()),
            ("cases", "staff", null),
            ("cases-search", "staff", page => page.Locator("#filter button[type=submit]").ClickAsync()),
            ("case", "staff/cases/" + hostId, null),
            ("case-guest", "staff/cases/" + guestId, null),
            ("case-correction-mistakes", "staff/cases/" + guestId, async page =>
            {
                await page.Locator("#municipality").FillAsync("Utreht");
                await page.Locator("form[action$='/correct'] button[type=submit]").ClickAsync();
            }),
            ("statistics", "staff/statistics", null),
            ("shortages", "staff/shortages", null),
            ("host-form", "register/host", null),
            ("host-form-mistakes", "register/host", page => page.Locator("main button[type=submit]").ClickAsync()),
            ("guest-form", "register/guest", null),
            ("guest-form-mistakes", "register/guest", page => page.Locator("main button[type=submit]").ClickAsync()),
            ("question", question, null),
            ("question-mistakes", question, page => page.Locator("button[value=suitable]").ClickAsync()),
            ("upload", upload, null),
            ("link-not-valid", "approve/k1.a-link-that-was-never-sent-000000000000", null),
            ("status", welcome.StatusLink!, null),
            ("status-not-found", $"status/host-{Guid.Empty:N}/k1.a-page-that-was-never-sent-00000000000", null),
            ("privacy", "privacy", null),
        };
        var violations = new List<string>();
        foreach (var language in Languages)
        {
            var page = await product.NewPageAsync();
            await ProductInBrowser.SignInAsync(page, "coordinator", "Fatima El Amrani", "coordinator@refugeehome.localhost");
            foreach (var (name, path, then) in pages)
            {
                await page.GotoAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + language);
                if (then is not null)
                {
                    await then(page);
                    await page.WaitForLoadStateAsync();
                }

                var result = await page.RunAxe(new AxeRunOptions
                {
                    RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
                });
                violations.AddRange(result.Violations
                    .Where(violation => violation.Impact is "serious" or "critical")
                    .Select(violation => $"{name} ({language}): {violation.Id}: {string.Join(", ", violation.Nodes.Select(node => node.Html))}"));
                await SaveScreenshotAsync(page, $"{name}-{language}.png");
            }

            await page.Context.CloseAsync();
        }

        violations.Should().BeEmpty();
    }

    // Two hosts register: the first one's screening question stays open for the scan, the second one's is answered so
    // that the host is sent the VOG upload link.
    private async Task<(string Question, string Upload, OutboxEmail Welcome)> OpenLinksAsync()
    {
        var page = await product.NewPageAsync();
        var open = await RegisterHostAsync(page);
        var answered = await RegisterHostAsync(page);
        var question = (await ScreeningOfAsync(open)).Links[0];
        await page.GotoAsync((await ScreeningOfAsync(answered)).Links[0]);
        await page.GetByLabel("Kindveiligheid besproken en in orde").SelectOptionAsync("yes");
        await page.Locator("button[value=suitable]").ClickAsync();
        var upload = (await product.EmailAsync(answered, "VOG")).Links[0];
        await page.Context.CloseAsync();
        return (question, upload, await product.EmailAsync(open, "registration as a host household"));
    }

    // The welcome email links to the host's status page, and the screener's subject carries the case number.
    private async Task<OutboxEmail> ScreeningOfAsync(string host)
    {
        var hostId = (await product.EmailAsync(host, "registration as a host household")).CaseId!;
        return await product.EmailAsync(Screener, CaseNumbers.Of(hostId));
    }

    private static async Task<string> RegisterHostAsync(IPage page)
    {
        var email = $"a11y.{Guid.NewGuid():N}@example.org";
        await page.GotoAsync("register/host?lang=en");
        await page.GetByLabel("First name").FillAsync("Anke");
        await page.GetByLabel("Last name").FillAsync("de Vries");
        await page.GetByLabel("Email address").FillAsync(email);
        // Phone and address are the household's own too: a second registration with either is taken for the first household.
        await page.GetByLabel("Phone number").FillAsync("06 " + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Street").FillAsync("Lange Nieuwstraat");
        await page.GetByLabel("House number").FillAsync(Random.Shared.Next(1, 10_000).ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Postcode").FillAsync("3511 AB");
        await page.GetByLabel("Municipality").FillAsync("Utrecht");
        await page.GetByLabel("Number of people who can stay").FillAsync("2");
        await page.GetByLabel("Available from").FillAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("I have read the privacy notice", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.GetByText("Your registration has been received").WaitForAsync();
        return email;
    }

    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        if (Environment.GetEnvironmentVariable("SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        var path = Path.Combine(RepositoryRoot.Find(), folder, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
