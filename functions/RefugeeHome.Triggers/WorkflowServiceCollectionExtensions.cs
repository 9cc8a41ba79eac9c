using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefugeeHome.Approvals;
using RefugeeHome.Cases;
using RefugeeHome.Matching;
using RefugeeHome.Notifications;
using RefugeeHome.Registrations;
using RefugeeHome.Storage;
using RefugeeHome.Triggers.Approvals;
using RefugeeHome.Triggers.Coordinator;
using RefugeeHome.Triggers.Documents;
using RefugeeHome.Triggers.Failures;
using RefugeeHome.Triggers.Households;
using RefugeeHome.Triggers.Limits;
using RefugeeHome.Triggers.Mail;
using RefugeeHome.Triggers.Matching;
using RefugeeHome.Triggers.Pages;
using RefugeeHome.Triggers.Registrations;
using RefugeeHome.Triggers.Staff;
using RefugeeHome.Workflows;
using RefugeeHome.Workflows.Activities;
using RefugeeHome.Workflows.Matching;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace RefugeeHome.Triggers;

/// <summary>Registers the workflows' services, pages and endpoints; both hosts call this.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The private container of uploaded documents.</summary>
    public const string DocumentsContainer = "documents";

    /// <summary>
    /// Adds everything the workflows and their endpoints use, reading <c>Workflows__*</c>, <c>Approvals__*</c>,
    /// <c>Matching__*</c>, <c>Coordinator__ApiKey</c> and <c>SendGrid__*</c>. Expects a <see cref="TableServiceClient"/>,
    /// a <see cref="BlobServiceClient"/> and a <see cref="TimeProvider"/>; the host's Durable Task client is given to
    /// each handler that needs it.
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var mail = services.AddSendGrid(configuration);
        var approvals = configuration.GetSection(ApprovalOptions.Section).Get<ApprovalOptions>() ?? new ApprovalOptions();
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<WorkflowOptions>>().Value);
        services.AddSingleton(configuration.GetSection(MatchingOptions.Section).Get<MatchingOptions>() ?? new MatchingOptions());
        services.AddSingleton(approvals);
        services.AddSingleton(new CoordinatorAccess(configuration["Coordinator:ApiKey"]));
        services.AddRequestLimits(configuration);
        services.AddSingleton(provider => new HostRegistry(provider.GetRequiredService<TableServiceClient>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new GuestRegistry(provider.GetRequiredService<TableServiceClient>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new MatchingPool(provider.GetRequiredService<TableServiceClient>()));
        services.AddSingleton(provider => new MatchingRounds(provider.GetRequiredService<TableServiceClient>()));
        services.AddSingleton(provider => new PlacementRecords(provider.GetRequiredService<TableServiceClient>()));
        services.AddSingleton(provider => new CaseIndex(provider.GetRequiredService<TableServiceClient>()));
        services.AddSingleton(provider => new CaseTimeline(provider.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<CaseActivities>();
        services.AddSingleton(configuration.GetSection(CaseDirectoryOptions.Section).Get<CaseDirectoryOptions>() ?? new CaseDirectoryOptions());
        services.AddSingleton<CaseDirectory>();
        services.AddSingleton(configuration.GetSection(StaffOptions.Section).Get<StaffOptions>() ?? new StaffOptions());
        services.AddSingleton<StaffSignIn>();
        services.AddSingleton<StaffPages>();
        services.AddSingleton<CasePanels>();
        services.AddSingleton<TimelineLines>();
        services.AddSingleton<CaseActions>();
        services.AddSingleton(provider => new DocumentStore(provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(DocumentsContainer)));
        services.AddSingleton(WorkflowCatalogue.Templates());
        services.AddSingleton(provider => new Mailer(
            provider.GetRequiredService<SendGridOnce>(), provider.GetRequiredService<EmailTemplates>(), new EmailAddress(mail.From, mail.FromName)));
        services.AddSingleton<IApprovalGuard>(provider => new MatchReservationGuard(provider.GetRequiredService<MatchingPool>()));
        services.AddSingleton(provider => new ApprovalLinks(
            provider.GetRequiredService<TableServiceClient>(), approvals, provider.GetRequiredService<TimeProvider>(), provider.GetServices<IApprovalGuard>()));
        services.AddSingleton(configuration.GetSection(MailQuotaOptions.Section).Get<MailQuotaOptions>() ?? new MailQuotaOptions());
        services.AddSingleton(provider => new RegistrationMailQuota(
            provider.GetRequiredService<TableServiceClient>(), provider.GetRequiredService<MailQuotaOptions>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Notifier>();
        services.AddSingleton<HouseholdActivities>();
        services.AddSingleton<PlacementActivities>();
        services.AddSingleton<MatchingRoundActivity>();
        services.AddSingleton<MatchingRoundStarts>();
        services.AddSingleton<HouseholdMatching>();
        services.AddSingleton<RegionalShortages>();
        services.AddSingleton<OverviewPages>();
        services.AddAntiforgery();
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<FailureAnswer>();
        services.AddSingleton<PostedForms>();
        services.AddSingleton<ApprovalPages>();
        services.AddSingleton<UnheardAnswerSweep>();
        services.AddSingleton<UploadPages>();
        services.AddSingleton<MatchingRoundPages>();
        services.AddSingleton<StatusPages>();
        services.AddSingleton<PrivacyPages>();
        services.AddSingleton<RegistrationTriggers>();
        services.AddSingleton<CoordinatorTriggers>();
        return services;
    }

    /// <summary>Creates the workflows' tables and containers; call once before the workflows run.</summary>
    public static async Task InitializeWorkflowsAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.GetRequiredService<HostRegistry>().CreateTableAsync(cancellationToken);
        await services.GetRequiredService<GuestRegistry>().CreateTableAsync(cancellationToken);
        await services.GetRequiredService<MatchingPool>().CreateTableAsync(cancellationToken);
        await services.GetRequiredService<MatchingRounds>().CreateTableAsync(cancellationToken);
        await services.GetRequiredService<PlacementRecords>().CreateTableAsync(cancellationToken);
        await services.GetRequiredService<CaseIndex>().CreateTableAsync(cancellationToken);
        await services.GetRequiredService<CaseTimeline>().CreateTableAsync(cancellationToken);
        await services.GetRequiredService<Mailer>().CreateTableAsync(cancellationToken);
        await services.GetRequiredService<RegistrationMailQuota>().CreateTableAsync(cancellationToken);
        await services.GetRequiredService<DocumentStore>().CreateContainerAsync(cancellationToken);
        await services.GetRequiredService<ApprovalLinks>().CreateTableAsync(cancellationToken);
    }
}
