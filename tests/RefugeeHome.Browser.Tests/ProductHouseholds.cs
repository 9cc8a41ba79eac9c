using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Microsoft.Playwright;

namespace RefugeeHome.Browser.Tests;

/// <summary>Households brought to where a test needs them: registered as the forms and municipal systems do, and walked through the pages people use.</summary>
internal static class ProductHouseholds
{
    public const string Screener = "screening@refugeehome.localhost";

    /// <summary>Registers a host household in Ukrainian as JSON, as the form does; returns nothing, the welcome email names it.</summary>
    public static async Task RegisterHostAsync(this ProductInBrowser product, string firstName, string lastName, string email, string municipality = "Utrecht")
    {
        using var http = new HttpClient { BaseAddress = product.Runner.BaseAddress };
        using var response = await http.PostAsync(new Uri("api/hosts", UriKind.Relative), JsonContent.Create(new
        {
            submissionId = Guid.NewGuid().ToString(), language = "uk", firstName, lastName, email,
            phone = "06 " + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            street = "Oudegracht", houseNumber = Random.Shared.Next(1, 10_000).ToString(CultureInfo.InvariantCulture), postcode = "3511 AB",
            municipality, capacity = 4, privacyConsent = true, acceptsChildren = true, availableFrom = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            languages = new[] { "uk", "en" },
        }));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted);
    }

    /// <summary>The email address <see cref="AvailableHostAsync"/> registers a host of <paramref name="lastName"/> under.</summary>
    public static string HostEmailOf(string lastName) => $"host.{Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(lastName))}@example.org";

    /// <summary>Registers a guest household as a municipal system does, with the coordinator's key; returns its id.</summary>
    public static async Task<string> RegisterGuestAsync(this ProductInBrowser product, string contactName, string? contactEmail = null)
    {
        using var http = new HttpClient { BaseAddress = product.Runner.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", ProductInBrowser.CoordinatorKey);
        using var response = await http.PostAsync(new Uri("api/guests", UriKind.Relative), JsonContent.Create(new
        {
            submissionId = Guid.NewGuid().ToString(), language = "nl", householdLanguage = "uk", caseworkerEmail = "consulent@utrecht.example",
            municipality = "Utrecht", eligibilityRecorded = true, privacyInformed = true, contactName, contactEmail, languages = new[] { "uk" },
            members = new object[] { new { age = 30 } },
        }));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Registers a host household and walks it through the screener's and the host's pages until it is available; returns its id.</summary>
    public static async Task<string> AvailableHostAsync(this ProductInBrowser product, string firstName, string lastName)
    {
        var email = HostEmailOf(lastName);
        await product.RegisterHostAsync(firstName, lastName, email);
        var hostId = (await product.EmailAsync(email, "Вашу реєстрацію")).CaseId!;
        var page = await product.NewPageAsync();
        await page.GotoAsync((await product.EmailAsync(Screener, RefugeeHome.Cases.CaseNumbers.Of(hostId))).Links[0]);
        await page.Locator("#field-childSafety").SelectOptionAsync("yes");
        await page.Locator("button[value=suitable]").ClickAsync();
        await page.GotoAsync((await product.EmailAsync(email, "VOG")).Links[0]);
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "vog.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray(),
        });
        await page.Locator("button[type=submit]").ClickAsync();
        await page.GotoAsync((await product.EmailAsync(Screener, "VOG", email => email.Html.Contains(RefugeeHome.Cases.CaseNumbers.Of(hostId), StringComparison.Ordinal))).Links[0]);
        await page.Locator("button[value=approve]").ClickAsync();
        await product.EmailAsync(email, "доступні");
        await page.Context.CloseAsync();
        return hostId;
    }

    /// <summary>Opens <paramref name="path"/> until its main content says <paramref name="expected"/>: the console reads an index its workflows write a moment after each step.</summary>
    public static async Task OpenWhenAsync(this IPage page, string path, string expected)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await page.GotoAsync(path);
            if ((await page.Locator("main").InnerTextAsync()).Contains(expected, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(500);
        }

        (await page.Locator("main").InnerTextAsync()).Should().Contain(expected);
    }
}
