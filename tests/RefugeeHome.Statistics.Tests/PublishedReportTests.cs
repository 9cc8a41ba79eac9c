using AwesomeAssertions;

namespace RefugeeHome.Statistics.Tests;

public sealed class PublishedReportTests
{
    [Fact]
    public void A_report_reads_back_as_it_was_sent_with_suppressed_counts_as_published()
    {
        var report = new StatisticsReport(new DateOnly(2026, 12, 5), DateTimeOffset.UtcNow, 5,
        [
            new MunicipalityCounts("Utrecht", new Dictionary<string, int> { [Metrics.HostsAvailable] = 12, [Metrics.GuestsWaiting] = 3 }),
            new MunicipalityCounts("Zwolle", new Dictionary<string, int> { [Metrics.HostsAvailable] = 0, [Metrics.GuestsWaiting] = 7 }),
        ]);

        var published = PublishedReport.Read(ReportFormats.ToJson(report));

        published.Date.Should().Be(new DateOnly(2026, 12, 5));
        published.SuppressBelow.Should().Be(5);
        published.Municipalities.Select(row => row.Municipality).Should().Equal("Utrecht", "Zwolle");
        published.Municipalities[0].Counts[Metrics.GuestsWaiting].Should().Be("<5");
        published.Municipalities[0].Number(Metrics.GuestsWaiting).Should().BeNull("a suppressed count is not a number");
        published.Municipalities[0].Number(Metrics.HostsAvailable).Should().Be(12);
        published.Municipalities[1].Number(Metrics.HostsAvailable).Should().Be(0);
        published.Totals.Number(Metrics.GuestsWaiting).Should().Be(10);
        published.Totals.Number(Metrics.HostsAvailable).Should().Be(12);
    }
}
