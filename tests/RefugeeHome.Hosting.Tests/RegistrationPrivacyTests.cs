using System.Globalization;
using System.Net;
using AwesomeAssertions;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

/// <summary>Nobody learns from the registration form or the API whether an email address, phone number or address is registered.</summary>
public sealed class RegistrationPrivacyTests
{
    private const string Registered = "anke.e2e@example.org";
    private const string Screener = "screening@refugeehome.localhost";
    private const string RegisteredAgain = "Someone registered again with your details";

    [Fact]
    public async Task Registering_a_known_household_again_gets_the_answer_a_new_one_gets_and_only_the_household_hears_of_it()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var azurite = await JourneyEndToEndTests.OwnStorageAsync();
        await using var runner = await RunnerProcess.StartAsync(JourneyEndToEndTests.Settings(azurite), cancellation);
        using var browser = new JourneyBrowser(runner, "coordinator-test-key");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var household = JourneyEndToEndTests.HostForm(today);
        await browser.SubmitFormAsync("register/host?lang=en", household);
        await browser.EmailAsync(Registered, "registration as a host household has been received");

        // A stranger tries the household's phone number with the form, and its address with the API; a new household registers too.
        var newcomer = await browser.SubmitFormAsync("register/host?lang=en", WithOther(household, "email", "new.e2e@example.org", "phone", "06 99887766", "houseNumber", "14"));
        var probeByPhone = await browser.SubmitFormAsync("register/host?lang=en", WithOther(household, "email", "stranger.e2e@example.org", "houseNumber", "16"));
        var newcomerByApi = await PostHostAsync(browser, "api.e2e@example.org", "06 55443322", "18");
        var probeByAddress = await PostHostAsync(browser, "stranger2.e2e@example.org", "06 11223344", "12");
        var told = await browser.EmailAsync(Registered, RegisteredAgain, count: 2);
        await browser.EmailAsync(Screener, "Screening", count: 3);
        var outbox = await browser.OutboxAsync();

        probeByPhone.Should().Be(newcomer, "the page for a known phone number is the page for a new household");
        probeByAddress.Should().Be(newcomerByApi, "the API's answer for a known address is its answer for a new household");
        probeByAddress.Status.Should().Be(HttpStatusCode.Accepted);
        told.Html.Should().Contain("registered, the screening interview comes next").And.Contain("Dear Anke");
        outbox.Should().NotContain(email => email.To.StartsWith("stranger", StringComparison.Ordinal), "a stranger hears nothing of the household");
        outbox.Where(email => email.To == Screener && email.Subject.Contains("Screening", StringComparison.Ordinal)).Should().HaveCount(3, "no second household was made");
    }

    private static List<KeyValuePair<string, string>> WithOther(List<KeyValuePair<string, string>> form, params string[] namesAndValues)
    {
        var changed = form.ToList();
        for (var index = 0; index < namesAndValues.Length; index += 2)
        {
            var name = namesAndValues[index];
            changed[changed.FindIndex(field => field.Key == name)] = new(name, namesAndValues[index + 1]);
        }

        return changed;
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostHostAsync(JourneyBrowser browser, string email, string phone, string houseNumber)
    {
        using var response = await browser.PostJsonAsync("api/hosts", HostRegistrations.Body(email, phone, houseNumber));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
