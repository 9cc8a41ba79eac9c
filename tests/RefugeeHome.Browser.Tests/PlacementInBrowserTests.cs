using System.Globalization;
using AwesomeAssertions;
using Microsoft.Playwright;
using RefugeeHome.Cases;

namespace RefugeeHome.Browser.Tests;

/// <summary>One placement walked through the pages its people use, from the matcher's console to an early end by the host.</summary>
public sealed class PlacementInBrowserTests(ProductInBrowser product)
{
    private const string Connector = "connector@refugeehome.localhost";

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task After_move_in_the_host_ends_the_placement_with_the_hosts_own_link_and_the_connector_is_asked_where_the_guests_go()
    {
        var hostName = "Іваненко" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var hostId = await product.AvailableHostAsync("Петро", hostName);
        var familyEmail = $"family.{Guid.NewGuid():N}@example.org";
        var guestId = await product.RegisterGuestAsync("Ольга Савченко", familyEmail);

        // The matcher matches the family with the host by hand, from the family's case.
        var matcher = await product.NewPageAsync("en-GB");
        await ProductInBrowser.SignInAsync(matcher, "matcher", "Noor de Boer", "matching@refugeehome.localhost");
        await matcher.OpenWhenAsync("staff/cases/" + guestId, "Host households that fit best");
        await matcher.GetByRole(AriaRole.Button, new() { Name = "Match with this host household: " + CaseNumbers.Of(hostId) }).ClickAsync();
        await matcher.OpenWhenAsync("staff/cases/" + guestId, "Done in the console: matched by hand");

        // The connector plans the introduction for today, then records that both agree, with the move-in today.
        var connector = await product.NewPageAsync("nl-NL");
        var schedule = await product.EmailAsync(Connector, "Kennismaking plannen", email => email.Html.Contains(familyEmail, StringComparison.Ordinal));
        var placement = schedule.Subject.Split(' ')[^1];
        await connector.GotoAsync(schedule.Links[0]);
        await connector.Locator("#field-date").FillAsync(Today);
        await connector.Locator("button[value=scheduled]").ClickAsync();
        await connector.GotoAsync((await product.EmailAsync(Connector, $"Uitkomst kennismaking {placement}")).Links[0]);
        await connector.Locator("#field-moveIn").FillAsync(Today);
        await connector.Locator("button[value=agreed]").ClickAsync();

        // After the move-in the host, the family and the connector each have a link to end the placement; the host uses theirs.
        var hostEmail = await product.EmailAsync(ProductHouseholds.HostEmailOf(hostName), "Ваші гості заселилися");
        var familyMovedIn = await product.EmailAsync(familyEmail, "Ласкаво просимо");
        var host = await product.NewPageAsync("uk-UA");
        await host.GotoAsync(hostEmail.Links[0]);
        (await host.Locator("main").InnerTextAsync()).Should().Contain("Завершити розміщення");
        await host.Locator("button[value=end-now]").ClickAsync();
        await host.Locator("#field-reason[aria-invalid=true]").WaitForAsync();
        (await host.EvaluateAsync<string>("document.activeElement.id")).Should().Be("field-reason", "the page points to the reason it needs");
        await host.Locator("#field-reason").SelectOptionAsync("incident");
        await host.Locator("button[value=end-now]").ClickAsync();
        await host.Locator("main").GetByText("записано", new() { Exact = false }).WaitForAsync();

        var departure = await product.EmailAsync(Connector, $"Vertrek vastleggen voor {placement}");
        var familyLink = await product.NewPageAsync("uk-UA");
        await familyLink.GotoAsync(familyMovedIn.Links[0]);

        departure.Links.Should().ContainSingle();
        (await familyLink.Locator("main").InnerTextAsync()).Should().Contain("Це питання закрите", "the placement has ended, so the family's link asks nothing more");
    }
}
