using System.Globalization;
using AwesomeAssertions;
using Microsoft.Playwright;

namespace RefugeeHome.Browser.Tests;

public sealed class ConsoleInBrowserTests(ProductInBrowser product)
{
    [Fact]
    public async Task The_screener_signs_in_finds_a_host_by_a_Cyrillic_name_without_it_in_the_address_and_reads_its_timeline()
    {
        var surname = "Шевчук" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var email = $"host.{Guid.NewGuid():N}@example.org";
        await product.RegisterHostAsync("Оксана", surname, email);
        await product.EmailAsync(email, "Вашу реєстрацію");

        var page = await product.NewPageAsync("nl-NL");
        await page.GotoAsync("staff?lang=nl");
        page.Url.Should().Contain("/staff/sign-in", "the console is for signed-in staff only");
        await ProductInBrowser.SignInAsync(page, "screener", "Joris Visser", "screening@refugeehome.localhost");

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = surname });
        await page.GetByLabel("Dossiernummer, naam, e-mail of telefoon").FillAsync(surname);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await RetryUntilAsync(page, async () => await row.CountAsync() == 1);
        page.Url.Should().NotContain(Uri.EscapeDataString(surname)).And.NotContain(surname, "a name never goes in an address");
        (await row.InnerTextAsync()).Should().Contain("Screening").And.Contain("Screener").And.Contain("Utrecht");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Should().MatchRegex($"^Оксана {surname} · H-[0-9A-Z]{{4}}-[0-9A-Z]{{4}}$");
        var timeline = await page.GetByRole(AriaRole.Table).InnerTextAsync();
        timeline.Should().Contain("Fase: Screening").And.Contain("E-mail verstuurd: Uw aanmelding als gastgezin is ontvangen")
            .And.Contain("E-mail verstuurd: Screening: nieuw gastgezin H-")
            .And.Contain("Vraag gesteld:");
        await page.GetByRole(AriaRole.Link, new() { Name = "Uitkomst van het screeningsgesprek" }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).Should().Contain($"Оксана {surname} · H-", "a question to staff names the household");
    }

    [Fact]
    public async Task The_matcher_sees_cases_by_number_only_and_a_caseworker_only_the_households_it_registered()
    {
        var surname = "Мельник" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var email = $"host.{Guid.NewGuid():N}@example.org";
        await product.RegisterHostAsync("Ірина", surname, email);
        await product.EmailAsync(email, "Вашу реєстрацію");

        var matcher = await product.NewPageAsync("en-GB");
        await ProductInBrowser.SignInAsync(matcher, "matcher", "Noor de Boer", "matching@refugeehome.localhost");
        await RetryUntilAsync(matcher, async () => (await matcher.Locator("main").InnerTextAsync()).Contains("Screening", StringComparison.Ordinal));
        (await matcher.Locator("main").InnerTextAsync()).Should().NotContain(surname, "the matcher works on facts, never names");
        (await matcher.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync()).Should().NotContain("Name");

        var caseworker = await product.NewPageAsync("en-GB");
        await ProductInBrowser.SignInAsync(caseworker, "caseworker", "Sanne Bakker", $"nobody.{Guid.NewGuid():N}@gemeente.example");
        (await caseworker.Locator("main").InnerTextAsync()).Should().Contain("0 cases found", "a caseworker sees the households it registered, and this one registered none");
    }

    [Fact]
    public async Task A_coordinator_closes_a_stuck_guest_case_with_a_reason_that_stays_with_the_case_and_a_double_post_closes_once()
    {
        var guestId = await product.RegisterGuestAsync("Марія Коваль");
        var page = await product.NewPageAsync("en-GB");
        await ProductInBrowser.SignInAsync(page, "coordinator", "Fatima El Amrani", "coordinator@refugeehome.localhost");
        await page.OpenWhenAsync("staff/cases/" + guestId, "Waiting for a match");

        await page.GetByRole(AriaRole.Button, new() { Name = "Close the case" }).ClickAsync();
        await page.Locator("#reason[aria-invalid=true]").WaitForAsync();
        (await page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("reason", "the focus goes to the missing reason");
        var reason = "Family found housing of its own " + Guid.NewGuid().ToString("N")[..6];
        var form = page.APIRequest.CreateFormData();
        foreach (var hidden in await page.Locator("form[action$='/close'] input[type=hidden]").AllAsync())
        {
            form.Set((await hidden.GetAttributeAsync("name"))!, await hidden.InputValueAsync());
        }

        form.Set("reason", reason);
        var sent = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => page.APIRequest.PostAsync($"staff/cases/{guestId}/close", new() { Form = form, MaxRedirects = 0 })));
        sent.Select(response => response.Status).Should().Equal(302, 302);

        await page.OpenWhenAsync("staff/cases/" + guestId, "Closed by a coordinator");
        var timeline = await page.GetByRole(AriaRole.Table).InnerTextAsync();
        timeline.Should().Contain("Coordinator: Fatima El Amrani").And.Contain(reason).And.Contain("Done in the console: case closed");
        System.Text.RegularExpressions.Regex.Count(timeline, "Answered: Close the case").Should().Be(1, "the same form sent twice closes once");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Close the case" }).CountAsync()).Should().Be(0, "an ended case cannot be closed again");
    }

    [Fact]
    public async Task A_caseworker_corrects_the_municipality_of_a_household_it_registered_after_the_page_points_to_a_misspelling()
    {
        var guestId = await product.RegisterGuestAsync("Ганна Бондар");
        var page = await product.NewPageAsync("nl-NL");
        await ProductInBrowser.SignInAsync(page, "caseworker", "Sanne Bakker", "consulent@utrecht.example");
        await page.OpenWhenAsync($"staff/cases/{guestId}?lang=nl", "Wacht op een koppeling");
        (await page.Locator("#municipality").InputValueAsync()).Should().Be("Utrecht", "the form shows what is registered");

        await page.Locator("#municipality").FillAsync("Utreht");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();
        await page.Locator("#municipality[aria-invalid=true]").WaitForAsync();
        (await page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("municipality", "the focus goes to the misspelt municipality");
        (await page.Locator("#municipality-problem").InnerTextAsync()).Should().Contain("'Utreht' is geen Nederlandse gemeente");
        await page.Locator("#municipality").FillAsync("Amersfoort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();

        await page.OpenWhenAsync($"staff/cases/{guestId}", "Amersfoort (Utrecht)");
        (await page.GetByRole(AriaRole.Table).Last.InnerTextAsync()).Should().Contain("Gedaan in de console: aanmelding gecorrigeerd").And.Contain("Consulent van de gemeente: Sanne Bakker");
    }

    // The console's list is a snapshot that catches up within seconds: search again, as a person would.
    private static async Task RetryUntilAsync(IPage page, Func<Task<bool>> found)
    {
        for (var attempt = 0; attempt < 40 && !await found(); attempt++)
        {
            await Task.Delay(500);
            await page.Locator("#filter button[type=submit]").ClickAsync();
        }

        (await found()).Should().BeTrue("the case should be listed within twenty seconds");
    }
}
