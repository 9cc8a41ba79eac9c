using AwesomeAssertions;
using RefugeeHome.Statistics;
using RefugeeHome.Testing;

namespace RefugeeHome.Workflows.Tests;

/// <summary>
/// The workflows while storage fails as it does in Azure: requests refused, timed out, conditional writes refused, and
/// writes done whose answer is lost. Every journey still gets where it goes, and nothing is done twice.
/// </summary>
public sealed class StorageFaultTests
{
    [Fact]
    public async Task Host_journeys_reach_the_matching_pool_through_failing_storage_with_every_email_sent_once_and_every_household_counted_once()
    {
        using var faults = new StorageFaults(new HttpClientHandler());
        // No reminder comes during the test, so every email it sends is one that must go exactly once.
        await using var harness = await WorkflowHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Workflows:ReminderAfter"] = "1.00:00:00",
            ["Workflows:EscalateAfter"] = "2.00:00:00",
            ["Workflows:VogDeadline"] = "8.00:00:00",
            ["Workflows:VogReminderEvery"] = "1.00:00:00",
        }, faults);
        faults.Active = true;

        var hosts = new List<string>();
        for (var household = 0; household < 3; household++)
        {
            hosts.Add(await harness.AvailableHostAsync(Households.Host(
                email: $"host{household}@example.org", postcode: $"35{household}1 AB", phone: $"06 1234567{household}")));
        }

        faults.Active = false;
        var counts = (await harness.Statistics.ReadAsync(WorkflowHarness.Today, CancellationToken.None)).Single(row => row.Municipality == "Utrecht").Counts;
        var sent = harness.Sent.GroupBy(email => (email.To, email.Subject)).ToList();

        faults.Injected.Should().BeGreaterThan(30, "storage failed throughout");
        (await harness.Pool.OffersAsync(CancellationToken.None)).Select(offer => offer.HostId).Should().BeEquivalentTo(hosts);
        counts[Metrics.HostsAvailable].Should().Be(3);
        counts[Metrics.HostsRegistered].Should().Be(3, "each household counts once, however often its step ran");
        sent.Should().AllSatisfy(email => email.Count().Should().Be(1, $"'{email.Key.Subject}' to {email.Key.To} is sent once"));
        sent.Count(email => email.Key.Subject.Contains("beschikbaar", StringComparison.Ordinal)).Should().Be(3);
    }
}
