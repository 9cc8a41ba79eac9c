using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

public sealed class StatisticsEndpointTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_runner_runs_the_statistics_on_demand_once_per_day_and_serves_the_report_to_key_holders_only()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var runner = await RunnerProcess.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Statistics__ApiKey"] = "ministry-test-key",
            ["Statistics__Recipients"] = "cijfers@ministerie.example",

            // Nothing runs on a schedule while the test asks: only what it asks for reaches the outbox.
            ["Statistics__Schedule"] = "0 0 29 2 *",
            ["Workflows__MatchingSchedule"] = "0 0 29 2 *",
        }, cancellation);
        using var http = new HttpClient { BaseAddress = runner.BaseAddress };
        using var anonymous = await http.PostAsync(new Uri("api/statistics/run", UriKind.Relative), null, cancellation);
        http.DefaultRequestHeaders.Add("X-Api-Key", "ministry-test-key");

        var first = await http.PostAsync(new Uri("api/statistics/run", UriKind.Relative), null, cancellation);
        var sent = (await first.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("sent").EnumerateArray().Select(day => day.GetString()).ToList();
        var second = await (await http.PostAsync(new Uri("api/statistics/run", UriKind.Relative), null, cancellation)).Content.ReadFromJsonAsync<JsonElement>(cancellation);
        var latest = await http.GetFromJsonAsync<JsonElement>(new Uri("api/statistics/reports/latest", UriKind.Relative), cancellation);
        using var badDate = await http.GetAsync(new Uri("api/statistics/reports/21-11-2026", UriKind.Relative), cancellation);
        using var outboxRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("dev/outbox", UriKind.Relative));
        outboxRequest.Headers.Accept.ParseAdd("application/json");
        using var outboxResponse = await http.SendAsync(outboxRequest, cancellation);
        var outbox = await outboxResponse.Content.ReadFromJsonAsync<JsonElement>(cancellation);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.Content.ReadAsStringAsync(cancellation)).Should().Contain("X-Api-Key");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        sent.Should().ContainSingle();
        second.GetProperty("sent").GetArrayLength().Should().Be(0, "the day was reported already");
        latest.GetProperty("date").GetString().Should().Be(sent[0]);
        badDate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var email = outbox.EnumerateArray().Should().ContainSingle().Subject;
        email.GetProperty("subject").GetString().Should().Be($"Cijfers particuliere opvang {sent[0]}");
        email.GetProperty("attachments")[0].GetString().Should().Be($"particuliere-opvang-{sent[0]}.csv");
    }
}
