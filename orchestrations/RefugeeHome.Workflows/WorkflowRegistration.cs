using RefugeeHome.Approvals;
using RefugeeHome.Durable;
using RefugeeHome.Matching;
using RefugeeHome.Notifications;
using RefugeeHome.Registrations;
using RefugeeHome.Statistics;
using RefugeeHome.Storage;
using RefugeeHome.Workflows.Activities;
using RefugeeHome.Workflows.Matching;
using RefugeeHome.Workflows.Orchestrators;

namespace RefugeeHome.Workflows;

/// <summary>Registers the workflows and their activities with the durable runtime; both hosts call this.</summary>
public static class WorkflowRegistration
{
    /// <summary>Starts the workflows that always run (the daily round of matching); a running one is left as it is.</summary>
    public static Task StartStandingAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ScheduleNewOrchestrationInstanceAsync(ActivityNames.MatchingDaily, null, new StartOrchestrationOptions("matching-daily"), cancellationToken);
    }

    /// <summary>The email templates of the workflows.</summary>
    public static EmailTemplates Templates() => EmailTemplates.FromAssembly(typeof(WorkflowRegistration).Assembly, "RefugeeHome.Workflows.Templates.");

    /// <summary>
    /// Adds the orchestrators and activities. Activities take their services from <paramref name="services"/> when they
    /// run, so the registry can be built before the runtime whose client some of those services need.
    /// </summary>
    public static DurableTaskRegistry AddWorkflows(this DurableTaskRegistry registry, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(services);
        T Resolve<T>() => (T)(services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered."));
        var none = CancellationToken.None;
        var households = new Lazy<HouseholdActivities>(() => new HouseholdActivities(
            Resolve<HostRegistry>(), Resolve<GuestRegistry>(), Resolve<HouseholdStatistics>(), Resolve<MatchingPool>(), Resolve<DocumentStore>(),
            Resolve<ApprovalLinks>(), Resolve<PlacementRecords>(), Resolve<TimeProvider>()));
        var placements = new Lazy<PlacementActivities>(() => new PlacementActivities(
            Resolve<PlacementRecords>(), Resolve<MatchingPool>(), Resolve<HostRegistry>(), Resolve<GuestRegistry>(), Resolve<HouseholdStatistics>(),
            Resolve<DurableTaskClient>(), Resolve<WorkflowOptions>(), Resolve<TimeProvider>()));
        var matching = new Lazy<DailyMatching>(() => new DailyMatching(
            Resolve<GuestRegistry>(), Resolve<MatchingPool>(),
            new DailyProposals(Resolve<MatchingRounds>(), Resolve<ApprovalLinks>(), Resolve<EmailTemplates>(), Resolve<WorkflowOptions>(), Resolve<MatchingOptions>(), Resolve<TimeProvider>()),
            new MatchingOverview(Resolve<ApprovalLinks>(), Resolve<Mailer>(), Resolve<EmailTemplates>(), Resolve<WorkflowOptions>()),
            Resolve<MatchingOptions>(), Resolve<TimeProvider>()));
        return registry
            .AddOrchestratorFunc<HostJourneyInput, string>(ActivityNames.HostJourney, HostJourney.RunAsync)
            .AddOrchestratorFunc<GuestIntakeInput, string>(ActivityNames.GuestIntake, GuestIntake.RunAsync)
            .AddOrchestratorFunc<PlacementCase, PlacementResult>(ActivityNames.Placement, Placement.RunAsync)
            .AddOrchestratorFunc<object, int>(ActivityNames.MatchingDaily, MatchingDaily.RunAsync)
            .AddActivityFunc<object, int>(ActivityNames.RunMatchingRound, (context, _) => matching.Value.RunAsync(context, none))
            .AddActivityFunc<object, WorkflowOptions>(ActivityNames.Settings, (_, _) => Task.FromResult(Resolve<WorkflowOptions>()))
            .AddActivityFunc<Notice, bool>(ActivityNames.Notify, (context, notice) => Resolve<Notifier>().SendAsync(context, notice!, none))
            .AddActivityFunc<string, bool>(ActivityNames.CloseQuestion, async (context, purpose) =>
            {
                await Resolve<ApprovalLinks>().CloseAsync(context.InstanceId, purpose!, none);
                return true;
            })
            .AddActivityFunc<HostStageChange, bool>(ActivityNames.SetHostStage, (_, change) => households.Value.SetHostStageAsync(change!, none))
            .AddActivityFunc<HostOfferRequest, bool>(ActivityNames.OfferHost, (_, request) => households.Value.OfferHostAsync(request!, none))
            .AddActivityFunc<string, bool>(ActivityNames.WithdrawOffer, (_, hostId) => households.Value.WithdrawOfferAsync(hostId!, none))
            .AddActivityFunc<string, bool>(ActivityNames.ForgetHost, (_, hostId) => households.Value.ForgetHostAsync(hostId!, none))
            .AddActivityFunc<GuestStageChange, bool>(ActivityNames.SetGuestStage, (_, change) => households.Value.SetGuestStageAsync(change!, none))
            .AddActivityFunc<string, GuestFacts>(ActivityNames.ReadGuest, (_, guestId) => households.Value.ReadGuestAsync(guestId!, none))
            .AddActivityFunc<string, bool>(ActivityNames.ForgetGuest, (_, guestId) => households.Value.ForgetGuestAsync(guestId!, none))
            .AddActivityFunc<PlacementCase, PlacementFacts>(ActivityNames.StartPlacement, (_, placement) => placements.Value.StartAsync(placement!, none))
            .AddActivityFunc<PlacementUpdate, bool>(ActivityNames.UpdatePlacement, (_, update) => placements.Value.UpdateAsync(update!, none))
            .AddActivityFunc<PlacementEnd, bool>(ActivityNames.DeclinePlacement, (_, end) => placements.Value.DeclineAsync(end!, none))
            .AddActivityFunc<PlacementCase, bool>(ActivityNames.MoveIn, (_, placement) => placements.Value.MoveInAsync(placement!, none))
            .AddActivityFunc<PlacementEnd, bool>(ActivityNames.EndPlacement, (_, end) => placements.Value.EndAsync(end!, none))
            .AddActivityFunc<SignalRequest, bool>(ActivityNames.Signal, (_, signal) => placements.Value.SignalAsync(signal!, none));
    }
}
