using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RefugeeHome.Approvals;
using RefugeeHome.Notifications;
using RefugeeHome.Workflows.Activities;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Workflows;

/// <summary>
/// Every orchestrator and activity of the workflows, by name. The runner registers them from here; the Functions app
/// has a <c>[Function]</c> of the same name over the same method for each, which a test checks against this list.
/// </summary>
public static class WorkflowCatalogue
{
    /// <summary>The email templates of the workflows.</summary>
    public static EmailTemplates Templates() => EmailTemplates.FromAssembly(typeof(WorkflowCatalogue).Assembly, "RefugeeHome.Workflows.Templates.");

    /// <summary>Adds the orchestrators, and the activities as methods of services the host's container provides.</summary>
    public static DurableTaskRegistry AddWorkflows(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestratorFunc<HostJourneyInput, string>(OrchestratorNames.HostJourney, WorkflowOrchestrators.HostJourneyAsync)
            .AddOrchestratorFunc<GuestIntakeInput, string>(OrchestratorNames.GuestIntake, WorkflowOrchestrators.GuestIntakeAsync)
            .AddOrchestratorFunc<PlacementCase, PlacementResult>(OrchestratorNames.Placement, WorkflowOrchestrators.PlacementAsync)
            .AddOrchestratorFunc<int>(OrchestratorNames.MatchingRound, WorkflowOrchestrators.MatchingRoundAsync)
            .AddOrchestratorFunc<RegisteredAgainInput, bool>(OrchestratorNames.RegisteredAgain, WorkflowOrchestrators.RegisteredAgainAsync)
            .Activity<WorkflowOptions, object?, WorkflowOptions>(ActivityNames.ReadSettings, (options, _, _) => Task.FromResult(options))
            .Activity<MatchingRoundActivity, MatchingRoundRequest, int>(ActivityNames.RunMatchingRound, (matching, request, cancellation) => matching.RunAsync(request, cancellation))
            .Activity<Notifier, NoticeToSend, bool>(ActivityNames.Notify, (notifier, notice, cancellation) => notifier.SendAsync(notice, cancellation))
            .Activity<ApprovalLinks, QuestionToClose, bool>(ActivityNames.CloseQuestion, async (links, question, cancellation) =>
            {
                await links.CloseAsync(question.InstanceId, question.Purpose, cancellation);
                return true;
            })
            .Activity<ApprovalLinks, string, bool>(ActivityNames.CloseAllQuestions, async (links, instanceId, cancellation) =>
            {
                await links.CloseAllAsync(instanceId, cancellation);
                return true;
            })
            .Activity<CaseActivities, CaseStage, bool>(ActivityNames.RecordCaseStage, (cases, stage, cancellation) => cases.RecordStageAsync(stage, cancellation))
            .Activity<HouseholdActivities, HostStageChange, bool>(ActivityNames.SetHostStage, (households, change, cancellation) => households.SetHostStageAsync(change, cancellation))
            .Activity<HouseholdActivities, HostOfferRequest, bool>(ActivityNames.OfferHost, (households, request, cancellation) => households.OfferHostAsync(request, cancellation))
            .Activity<HouseholdActivities, string, bool>(ActivityNames.WithdrawOffer, (households, hostId, cancellation) => households.WithdrawOfferAsync(hostId, cancellation))
            .Activity<HouseholdActivities, string, bool>(ActivityNames.ForgetHost, (households, hostId, cancellation) => households.ForgetHostAsync(hostId, cancellation))
            .Activity<HouseholdActivities, GuestStageChange, bool>(ActivityNames.SetGuestStage, (households, change, cancellation) => households.SetGuestStageAsync(change, cancellation))
            .Activity<HouseholdActivities, string, GuestFacts>(ActivityNames.ReadGuest, (households, guestId, cancellation) => households.ReadGuestAsync(guestId, cancellation))
            .Activity<HouseholdActivities, string, bool>(ActivityNames.CorrectRegistration, (households, householdId, cancellation) => households.CorrectRegistrationAsync(householdId, cancellation))
            .Activity<HouseholdActivities, string, bool>(ActivityNames.ForgetGuest, (households, guestId, cancellation) => households.ForgetGuestAsync(guestId, cancellation))
            .Activity<DurableTaskClient, PlacementCase, bool>(ActivityNames.BeginPlacement, (workflows, placement, cancellation) => workflows.BeginPlacementAsync(placement, cancellation))
            .Activity<PlacementActivities, PlacementCase, PlacementFacts>(ActivityNames.StartPlacement, (placements, placement, cancellation) => placements.StartAsync(placement, cancellation))
            .Activity<PlacementActivities, PlacementUpdate, bool>(ActivityNames.UpdatePlacement, (placements, update, cancellation) => placements.UpdateAsync(update, cancellation))
            .Activity<PlacementActivities, PlacementEnd, bool>(ActivityNames.DeclinePlacement, (placements, end, cancellation) => placements.DeclineAsync(end, cancellation))
            .Activity<PlacementActivities, PlacementCase, bool>(ActivityNames.MoveIn, (placements, placement, cancellation) => placements.MoveInAsync(placement, cancellation))
            .Activity<PlacementActivities, PlacementEnd, bool>(ActivityNames.EndPlacement, (placements, end, cancellation) => placements.EndAsync(end, cancellation));
    }

    private static DurableTaskRegistry Activity<TService, TInput, TOutput>(
        this DurableTaskRegistry registry, string name, Func<TService, TInput, CancellationToken, Task<TOutput>> run)
        where TService : class =>
        registry.AddActivity(name, services => new ServiceActivity<TService, TInput, TOutput>(
            services.GetService(typeof(TService)) as TService ?? throw new InvalidOperationException($"{typeof(TService).Name} is not registered."), run));
}
