using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RefugeeHome.Approvals;
using RefugeeHome.Workflows;
using RefugeeHome.Workflows.Activities;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Functions;

/// <summary>The activities of <see cref="WorkflowCatalogue"/> as Durable Functions activities, over the same services.</summary>
public sealed class ActivityFunctions(
    WorkflowOptions options, MatchingRoundActivity matching, Notifier notifier, ApprovalLinks links,
    HouseholdActivities households, PlacementActivities placements, CaseActivities cases)
{
    [Function(ActivityNames.ReadSettings)]
    public WorkflowOptions ReadSettings([ActivityTrigger] string? input) => options;

    [Function(ActivityNames.RunMatchingRound)]
    public Task<int> RunMatchingRound([ActivityTrigger] MatchingRoundRequest request, CancellationToken cancellationToken) =>
        matching.RunAsync(request, cancellationToken);

    [Function(ActivityNames.Notify)]
    public Task<bool> Notify([ActivityTrigger] NoticeToSend notice, CancellationToken cancellationToken) => notifier.SendAsync(notice, cancellationToken);

    [Function(ActivityNames.CloseQuestion)]
    public async Task<bool> CloseQuestion([ActivityTrigger] QuestionToClose question, CancellationToken cancellationToken)
    {
        await links.CloseAsync(question.InstanceId, question.Purpose, cancellationToken);
        return true;
    }

    [Function(ActivityNames.CloseAllQuestions)]
    public async Task<bool> CloseAllQuestions([ActivityTrigger] string instanceId, CancellationToken cancellationToken)
    {
        await links.CloseAllAsync(instanceId, cancellationToken);
        return true;
    }

    [Function(ActivityNames.RecordCaseStage)]
    public Task<bool> RecordCaseStage([ActivityTrigger] CaseStage stage, CancellationToken cancellationToken) => cases.RecordStageAsync(stage, cancellationToken);

    [Function(ActivityNames.SetHostStage)]
    public Task<bool> SetHostStage([ActivityTrigger] HostStageChange change, CancellationToken cancellationToken) => households.SetHostStageAsync(change, cancellationToken);

    [Function(ActivityNames.OfferHost)]
    public Task<bool> OfferHost([ActivityTrigger] HostOfferRequest request, CancellationToken cancellationToken) => households.OfferHostAsync(request, cancellationToken);

    [Function(ActivityNames.WithdrawOffer)]
    public Task<bool> WithdrawOffer([ActivityTrigger] string hostId, CancellationToken cancellationToken) => households.WithdrawOfferAsync(hostId, cancellationToken);

    [Function(ActivityNames.ForgetHost)]
    public Task<bool> ForgetHost([ActivityTrigger] string hostId, CancellationToken cancellationToken) => households.ForgetHostAsync(hostId, cancellationToken);

    [Function(ActivityNames.SetGuestStage)]
    public Task<bool> SetGuestStage([ActivityTrigger] GuestStageChange change, CancellationToken cancellationToken) => households.SetGuestStageAsync(change, cancellationToken);

    [Function(ActivityNames.ReadGuest)]
    public Task<GuestFacts> ReadGuest([ActivityTrigger] string guestId, CancellationToken cancellationToken) => households.ReadGuestAsync(guestId, cancellationToken);

    [Function(ActivityNames.CorrectRegistration)]
    public Task<bool> CorrectRegistration([ActivityTrigger] string householdId, CancellationToken cancellationToken) =>
        households.CorrectRegistrationAsync(householdId, cancellationToken);

    [Function(ActivityNames.ForgetGuest)]
    public Task<bool> ForgetGuest([ActivityTrigger] string guestId, CancellationToken cancellationToken) => households.ForgetGuestAsync(guestId, cancellationToken);

    [Function(ActivityNames.BeginPlacement)]
    public static Task<bool> BeginPlacement([ActivityTrigger] PlacementCase placement, [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        workflows.BeginPlacementAsync(placement, cancellationToken);

    [Function(ActivityNames.StartPlacement)]
    public Task<PlacementFacts> StartPlacement([ActivityTrigger] PlacementCase placement, CancellationToken cancellationToken) => placements.StartAsync(placement, cancellationToken);

    [Function(ActivityNames.UpdatePlacement)]
    public Task<bool> UpdatePlacement([ActivityTrigger] PlacementUpdate update, CancellationToken cancellationToken) => placements.UpdateAsync(update, cancellationToken);

    [Function(ActivityNames.DeclinePlacement)]
    public Task<bool> DeclinePlacement([ActivityTrigger] PlacementEnd end, CancellationToken cancellationToken) => placements.DeclineAsync(end, cancellationToken);

    [Function(ActivityNames.MoveIn)]
    public Task<bool> MoveIn([ActivityTrigger] PlacementCase placement, CancellationToken cancellationToken) => placements.MoveInAsync(placement, cancellationToken);

    [Function(ActivityNames.EndPlacement)]
    public Task<bool> EndPlacement([ActivityTrigger] PlacementEnd end, CancellationToken cancellationToken) => placements.EndAsync(end, cancellationToken);
}
