using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using RefugeeHome.Matching.Municipalities;
using RefugeeHome.Notifications;
using RefugeeHome.Testing;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace RefugeeHome.Statistics.Tests;

/// <summary>The statistics on tables and a container of their own, with SendGrid's client sending into a list.</summary>
internal sealed class StatisticsHarness
{
    private StatisticsHarness(AzuriteFixture azurite, string prefix, StatisticsOptions options)
    {
        Options = options;
        var tables = new TableServiceClient(azurite.ConnectionString);
        Statistics = new HouseholdStatistics(tables, MunicipalityNames.Default, prefix);
        Reports = new ReportStore(azurite.Blobs().GetBlobContainerClient(prefix + "statistics"));
        Runs = tables.GetTableClient(prefix + "StatisticsRuns");
        EmailLog = tables.GetTableClient(prefix + "EmailLog");
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero));

    public StatisticsOptions Options { get; }

    public HouseholdStatistics Statistics { get; }

    public ReportStore Reports { get; }

    public TableClient Runs { get; }

    public TableClient EmailLog { get; }

    public SendGridCapture Mail { get; } = new();

    public static async Task<StatisticsHarness> CreateAsync(AzuriteFixture azurite, int suppressBelow = 0)
    {
        var harness = new StatisticsHarness(azurite, "s" + Guid.NewGuid().ToString("N")[..8],
            new StatisticsOptions { Recipients = "cijfers@ministerie.example; analist@ministerie.example", SuppressBelow = suppressBelow });
        await harness.Statistics.CreateTablesAsync(CancellationToken.None);
        await harness.Reports.CreateContainerAsync(CancellationToken.None);
        await harness.NewJob().CreateTableAsync(CancellationToken.None);
        await harness.EmailLog.CreateIfNotExistsAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>A job as a separate worker would build it, sharing storage and mail.</summary>
    public NightlyStatisticsJob NewJob() => new(
        Statistics, Reports, Runs,
        new SendGridOnce(EmailLog, new SendGridClient(new HttpClient(Mail), new SendGridClientOptions { ApiKey = "SG.test-key" }), TimeSpan.FromMinutes(10), Clock),
        new EmailAddress("statistieken@refugeehome.example", "RefugeeHome"), Options, Clock);
}
