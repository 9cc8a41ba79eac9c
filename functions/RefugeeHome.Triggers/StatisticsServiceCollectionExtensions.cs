using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RefugeeHome.Statistics;
using RefugeeHome.Matching.Municipalities;
using RefugeeHome.Triggers.Mail;
using RefugeeHome.Triggers.Statistics;
using RefugeeHome.Notifications;
using SendGrid.Helpers.Mail;

namespace RefugeeHome.Triggers;

/// <summary>Registers the statistics and their triggers; both hosts call this.</summary>
public static class StatisticsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the statistics, reading <c>Statistics__*</c> and <c>SendGrid__*</c>. Expects a <see cref="TableServiceClient"/>,
    /// a <see cref="BlobServiceClient"/> and a <see cref="TimeProvider"/> to be registered.
    /// </summary>
    public static IServiceCollection AddStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(StatisticsOptions.Section).Get<StatisticsOptions>() ?? new StatisticsOptions();
        var mail = services.AddSendGrid(configuration);
        services.AddSingleton(options);
        services.AddSingleton(new StatisticsSchedule(options));
        services.AddSingleton(new StatisticsAccess(configuration["Statistics:ApiKey"]));
        services.AddSingleton(provider => new HouseholdStatistics(provider.GetRequiredService<TableServiceClient>(), MunicipalityNames.Default));
        services.AddSingleton(provider => new ReportStore(provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(options.Container)));
        services.AddSingleton(provider => new NightlyStatisticsJob(
            provider.GetRequiredService<HouseholdStatistics>(),
            provider.GetRequiredService<ReportStore>(),
            provider.GetRequiredService<TableServiceClient>().GetTableClient("StatisticsRuns"),
            provider.GetRequiredService<SendGridOnce>(),
            new EmailAddress(mail.From, mail.FromName),
            options,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<StatisticsTriggers>();
        return services;
    }

    /// <summary>Creates the statistics' tables and container; call once at start.</summary>
    public static async Task InitializeStatisticsAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.GetRequiredService<HouseholdStatistics>().CreateTablesAsync(cancellationToken);
        await services.GetRequiredService<ReportStore>().CreateContainerAsync(cancellationToken);
        await services.GetRequiredService<NightlyStatisticsJob>().CreateTableAsync(cancellationToken);
        await services.GetRequiredService<SendGridOnce>().CreateTableAsync(cancellationToken);
    }
}
