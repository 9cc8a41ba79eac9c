using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using AwesomeAssertions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using RefugeeHome.Hosting.Storage;

namespace RefugeeHome.Hosting.Tests;

/// <summary>A stretch of failing storage requests shows in the log when it begins and ends, and in the watch meanwhile.</summary>
public sealed class StorageFailureWatchTests
{
    [Fact]
    public async Task Failures_the_clients_retry_away_still_show_as_a_failing_period_until_storage_has_answered_for_a_while()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var log = new FakeLogger<StorageFailureWatch>();
        var watch = new StorageFailureWatch(clock, log);
        using var storage = new FailingFirst(2);
        var options = watch.Watching(new TableClientOptions { Transport = new HttpClientTransport(storage) });
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.Mode = RetryMode.Fixed;
        var table = new TableServiceClient(new Uri("http://127.0.0.1:10002/devstoreaccount1"),
            new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])), options).GetTableClient("Cases");

        var first = await table.GetEntityIfExistsAsync<TableEntity>("p", "r");
        var during = watch.Now;
        clock.Advance(TimeSpan.FromSeconds(10));
        await table.GetEntityIfExistsAsync<TableEntity>("p", "r");
        var tooSoon = watch.Now;
        clock.Advance(StorageFailureWatch.QuietAfter);
        await table.GetEntityIfExistsAsync<TableEntity>("p", "r");
        var after = watch.Now;

        first.HasValue.Should().BeFalse("the retries got through to an answer");
        during.FailingSince.Should().Be(clock.Start);
        during.FailedRequests.Should().Be(2);
        tooSoon.FailingSince.Should().NotBeNull("one answer after failures does not end the period");
        after.FailingSince.Should().BeNull();
        after.LastPeriod.Should().Be(new FailingPeriod(clock.Start, clock.Start, 2));
        log.Collector.GetSnapshot().Select(record => (record.Level, record.Message)).Should().SatisfyRespectively(
            began => began.Should().Be((LogLevel.Warning, "Storage requests are failing (503); the clients retry them.")),
            ended => ended.Level.Should().Be(LogLevel.Information));
    }

    // Storage refusing the first requests with 503, then answering that the row does not exist.
    private sealed class FailingFirst(int failures) : HttpMessageHandler
    {
        private int _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(++_requests <= failures ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.NotFound)
            {
                RequestMessage = request,
                Content = new StringContent("""{"odata.error":{"code":"ResourceNotFound","message":{"value":"Not found"}}}"""),
            });
    }
}
