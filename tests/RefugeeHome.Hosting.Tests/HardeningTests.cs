using System.Globalization;
using System.Net;
using System.Text;
using AwesomeAssertions;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

/// <summary>
/// The public pages and endpoints probed as an attacker and a careless user would: bad input gets a clear 4xx in the
/// visitor's language and never a 500, one client cannot send without limit, a form cannot be used to mail someone,
/// and the development surfaces exist only on a development runner, for callers on its own machine.
/// </summary>
public sealed class HardeningTests
{
    [Fact]
    public async Task Malformed_oversized_and_hostile_requests_get_a_clear_answer_and_never_a_server_error()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var azurite = await JourneyEndToEndTests.OwnStorageAsync();
        await using var runner = await RunnerProcess.StartAsync(JourneyEndToEndTests.Settings(azurite), cancellation);
        using var http = new HttpClient { BaseAddress = runner.BaseAddress };
        var probes = new (string Name, Func<HttpRequestMessage> Request)[]
        {
            ("empty JSON", () => Json("api/hosts", "{}")),
            ("null language", () => Json("api/hosts", """{"language": null}""")),
            ("not JSON", () => Json("api/hosts", "not json")),
            ("an array", () => Json("api/hosts", "[]")),
            ("10,000 languages", () => Json("api/hosts", "{\"language\":\"en\",\"languages\":[" + string.Join(',', Enumerable.Repeat("\"nl\"", 10_000)) + "]}")),
            ("10,000 members", () => Json("api/guests", "{\"language\":\"nl\",\"members\":[" + string.Join(',', Enumerable.Repeat("{\"age\":30}", 10_000)) + "]}", withKey: true)),
            ("a 5 MB name", () => Json("api/hosts", "{\"language\":\"en\",\"firstName\":\"" + new string('A', 5_000_000) + "\"}")),
            ("a NUL in a form", () => Form("register/host", "firstName=%00")),
            ("2,000 form fields", () => Form("register/host", string.Join('&', Enumerable.Range(0, 2_000).Select(index => $"f{index}=1")))),
            ("a 5 MB form field", () => Form("register/host", "firstName=" + new string('A', 5_000_000))),
            ("a form with no content type", () => new HttpRequestMessage(HttpMethod.Post, "register/host") { Content = new ByteArrayContent("x=1"u8.ToArray()) }),
            ("a forged link", () => Form("approve/k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "choice=suitable")),
            ("a traversal token", () => new HttpRequestMessage(HttpMethod.Get, "approve/..%2f..%2fetc%2fpasswd")),
            ("a 6 MB upload to a forged link", () => new HttpRequestMessage(HttpMethod.Post, "upload/k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            {
                Content = new MultipartFormDataContent { { new ByteArrayContent(new byte[6_000_000]), "file", "vog.pdf" } },
            }),
            ("a status page of nobody", () => new HttpRequestMessage(HttpMethod.Get, "status/host-00000000000000000000000000000000/k1.AAAA")),
            ("an unknown case", () => new HttpRequestMessage(HttpMethod.Get, "api/coordinator/cases/host-%00") { Headers = { { "X-Api-Key", JourneyEndToEndTests.CoordinatorKey } } }),
        };

        var answers = new List<string>();
        foreach (var (name, request) in probes)
        {
            using var message = request();

            // The client asks for the go-ahead before sending a body, so it reads the answer to one too large instead of
            // finding the connection closed behind the answer while it is still sending.
            message.Headers.ExpectContinue = true;
            using var response = await http.SendAsync(message, cancellation);
            answers.Add($"{name}: {(int)response.StatusCode}");
        }

        answers.Should().AllSatisfy(answer => int.Parse(answer.Split(": ")[1], CultureInfo.InvariantCulture).Should().BeInRange(400, 499, answer));
        runner.Output.Should().NotContain("An unhandled exception", "every bad request was answered by the product, not by the server's last resort");
    }

    [Fact]
    public async Task A_burst_from_one_client_is_told_to_wait_in_its_language_and_one_address_gets_few_emails_from_registrations()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var azurite = await JourneyEndToEndTests.OwnStorageAsync();
        var settings = JourneyEndToEndTests.Settings(azurite);
        settings["Limits__RegistrationsPerClient"] = "6";
        settings["Limits__RegistrationWindow"] = "00:10:00";
        await using var runner = await RunnerProcess.StartAsync(settings, cancellation);
        using var browser = new JourneyBrowser(runner, JourneyEndToEndTests.CoordinatorKey);
        const string Target = "someone.else@example.org";

        // The same address registered six times: the household is told when someone registers it again, up to the day's limit of three.
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 12; attempt++)
        {
            using var response = await browser.PostJsonAsync("api/hosts", HostRegistrations.Body(
                Target, "06 " + (20_000_000 + attempt).ToString(CultureInfo.InvariantCulture), (100 + attempt).ToString(CultureInfo.InvariantCulture)));
            answers.Add(response.StatusCode);
        }

        using var refusedForm = new HttpRequestMessage(HttpMethod.Post, "register/host") { Content = new FormUrlEncodedContent([new("firstName", "Олена")]) };
        refusedForm.Headers.AcceptLanguage.ParseAdd("uk");
        using var refused = await browser.SendAsync(refusedForm);
        var page = await refused.Content.ReadAsStringAsync(cancellation);
        await browser.EmailAsync(Target, "registration as a host household has been received");
        await browser.EmailAsync(Target, subject: "", count: 4);
        // Notices past the limit would have been sent beside the ones before it, all six registrations being in by now.
        await Task.Delay(TimeSpan.FromSeconds(5), cancellation);
        var received = (await browser.OutboxAsync()).Count(email => email.To == Target);

        answers.Take(6).Should().AllSatisfy(status => status.Should().Be(HttpStatusCode.Accepted));
        answers.Skip(6).Should().AllSatisfy(status => status.Should().Be(HttpStatusCode.TooManyRequests));
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.Should().NotBeNull();
        page.Should().Contain("Ви надіслали за короткий час більше, ніж приймає цей сайт");
        received.Should().Be(4, "the welcome, and three notices of a registration sent again; no more that day");
    }

    [Fact]
    public async Task A_runner_that_is_not_a_development_runner_has_no_outbox_sink_or_development_sign_in()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var azurite = await JourneyEndToEndTests.OwnStorageAsync();
        var settings = JourneyEndToEndTests.Settings(azurite);
        settings["Runner__Development"] = "false";
        settings["SendGrid__ApiKey"] = "a-key-no-mail-goes-to";
        settings["SendGrid__Host"] = "http://127.0.0.1:9";
        await using var production = await RunnerProcess.StartAsync(settings, cancellation);
        await using var development = await RunnerProcess.StartAsync(JourneyEndToEndTests.Settings(azurite), cancellation);
        using var closed = new HttpClient { BaseAddress = production.BaseAddress };
        using var open = new HttpClient { BaseAddress = development.BaseAddress };

        var outbox = await closed.GetAsync(new Uri("dev/outbox", UriKind.Relative), cancellation);
        var sink = await closed.PostAsync(new Uri("v3/mail/send", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"), cancellation);
        var signIn = await closed.GetAsync(new Uri("staff/sign-in", UriKind.Relative), cancellation);
        var forgedMail = await open.PostAsync(new Uri("v3/mail/send", UriKind.Relative), new StringContent(
            """{"personalizations":[{"to":[{"email":"x@example.org"}]}],"from":{"email":"a@example.org"},"subject":"<script>","content":[{"type":"text/html","value":"<script>alert(1)</script>"}]}""",
            Encoding.UTF8, "application/json"), cancellation);
        var forgedQuery = await open.GetAsync(new Uri("v3/messages?limit=1&query=" + Uri.EscapeDataString($"unique_args['messageKey']=\"{new string('0', 64)}\""), UriKind.Relative), cancellation);
        var outboxPage = await open.GetAsync(new Uri("dev/outbox", UriKind.Relative), cancellation);

        outbox.StatusCode.Should().Be(HttpStatusCode.NotFound);
        sink.StatusCode.Should().Be(HttpStatusCode.NotFound);
        signIn.StatusCode.Should().Be(HttpStatusCode.NotFound);
        forgedMail.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the sink takes mail from its own runner only");
        forgedQuery.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "and tells only its own runner which emails it took");
        outboxPage.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'");
    }

    private static HttpRequestMessage Json(string path, string body, bool withKey = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (withKey)
        {
            request.Headers.Add("X-Api-Key", JourneyEndToEndTests.CoordinatorKey);
        }

        return request;
    }

    private static HttpRequestMessage Form(string path, string body) =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
}
