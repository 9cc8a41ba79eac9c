using System.Globalization;
using AwesomeAssertions;
using Microsoft.Playwright;

namespace RefugeeHome.Browser.Tests;

public sealed class RegistrationInBrowserTests(ProductInBrowser product)
{
    private static string Tomorrow => DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_host_registers_in_Ukrainian_with_a_Cyrillic_name_after_fixing_a_mistake_the_page_pointed_to()
    {
        var email = $"olena.{Guid.NewGuid():N}@example.org";
        var page = await product.NewPageAsync("uk-UA");
        await page.GotoAsync("register/host?lang=uk");
        await page.GetByLabel("Ім'я").FillAsync("Олена");
        await page.GetByLabel("Прізвище").FillAsync("Коваленко");
        await page.GetByLabel("Електронна пошта").FillAsync(email);
        await page.GetByLabel("Номер телефону").FillAsync("+380 50 123 4567");
        await page.GetByLabel("Вулиця").FillAsync("Oudegracht");
        await page.GetByLabel("Номер будинку").FillAsync("12");
        await page.GetByLabel("Поштовий індекс").FillAsync("12");
        await page.GetByLabel("Громада").FillAsync("Utrecht");
        await page.GetByLabel("Скільки людей може проживати").FillAsync("3");
        await page.GetByLabel("Доступно з").FillAsync(Tomorrow);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Українська" }).CheckAsync();
        await page.GetByLabel("Я прочитав(-ла) повідомлення про конфіденційність", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати" }).ClickAsync();

        var postcode = page.GetByLabel("Поштовий індекс");
        (await page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).AllInnerTextsAsync()).Should().ContainSingle()
            .Which.Should().Contain("поштовим індексом");
        (await page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("postcode", "the focus goes to the field to fix");
        (await postcode.GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.Locator("#" + await postcode.GetAttributeAsync("aria-describedby")).InnerTextAsync()).Should().Contain("поштовим індексом");
        (await page.GetByLabel("Ім'я").InputValueAsync()).Should().Be("Олена", "what was typed stays");

        await postcode.FillAsync("3511 AB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати" }).ClickAsync();

        (await page.Locator("main").InnerTextAsync()).Should().Contain("Дякуємо. Вашу реєстрацію отримано.");
        (await product.EmailAsync(email, "Вашу реєстрацію як приймаючої родини отримано")).Html.Should().Contain("Олена");
    }

    [Fact]
    public async Task A_caseworker_registers_in_Dutch_a_family_that_reads_Ukrainian_and_the_familys_first_email_is_Ukrainian()
    {
        var family = $"family.{Guid.NewGuid():N}@example.org";
        var page = await product.NewPageAsync("nl-NL");
        await page.GotoAsync("register/guest?lang=nl");
        page.Url.Should().Contain("/staff/sign-in", "only a signed-in caseworker registers guest households");
        await ProductInBrowser.SignInAsync(page, "caseworker", "Sanne Bakker", "consulent@utrecht.example");
        await page.GotoAsync("register/guest?lang=nl");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("consulent@utrecht.example", "a caseworker registers under its own address");
        await page.GetByLabel("Naam contactpersoon").FillAsync("Олена Бондаренко");
        await page.GetByLabel("Gemeente", new() { Exact = false }).First.FillAsync("Utrecht");
        await page.GetByLabel("Recht op opvang is vastgesteld").CheckAsync();
        await page.GetByLabel("E-mailadres van het huishouden").FillAsync(family);
        await page.GetByLabel("Taal waarin het huishouden zijn e-mails krijgt").SelectOptionAsync("uk");
        await page.GetByRole(AriaRole.Group, new() { Name = "Talen die het huishouden spreekt" }).GetByLabel("Oekraïens").CheckAsync();
        await page.GetByLabel("Leeftijd 1").FillAsync("34");
        await page.GetByLabel("Leeftijd 2").FillAsync("8");
        await page.GetByLabel("Gezag 2").SelectOptionAsync("ParentInHousehold");
        await page.GetByLabel("Nummer ouder/voogd 2").FillAsync("1");
        await page.GetByLabel("Het huishouden is in zijn eigen taal verteld", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();

        (await page.Locator("main").InnerTextAsync()).Should().Contain("Dank u. Uw aanmelding is ontvangen.").And.MatchRegex("Dossiernummer: G-[0-9A-Z]{4}-[0-9A-Z]{4}");
        (await product.EmailAsync(family, "Ваша реєстрація на проживання в приймаючій родині")).To.Should().Be(family);

        await page.GetByRole(AriaRole.Link, new() { Name = "Open het dossier" }).ClickAsync();
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Should().StartWith("Олена Бондаренко · G-");
    }

    [Fact]
    public async Task The_language_chosen_on_a_form_keeps_what_was_typed_and_is_remembered_on_the_next_page()
    {
        var page = await product.NewPageAsync("en-GB");
        await page.GotoAsync("register/host");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("en", "the browser asks for English");

        await page.GetByLabel("First name").FillAsync("Олена");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Ukrainian" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Should().Be("Регистрация принимающей семьи");
        (await page.GetByLabel("Имя").InputValueAsync()).Should().Be("Олена", "switching language keeps what was typed");
        (await page.GetByRole(AriaRole.Checkbox, new() { Name = "Украинский" }).IsCheckedAsync()).Should().BeTrue();
        (await page.Locator(".utrecht-alert--error").CountAsync()).Should().Be(0, "a language switch is not a submission");

        await page.GotoAsync("/");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("ru");
    }
}
