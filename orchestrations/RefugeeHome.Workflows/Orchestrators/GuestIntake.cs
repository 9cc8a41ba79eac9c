using Microsoft.DurableTask;
using RefugeeHome.Statistics;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>
/// One guest household from registration to departure. A household with a minor who has no parent or guardian in it
/// never enters matching: the case goes to guardianship and the municipality is told. Otherwise the household waits
/// while the daily round of matching proposes hosts for it, and the proposal the matcher approves runs as a placement.
/// A declined introduction, or a departure to another host, brings the household back to matching, after a placement
/// with priority.
/// </summary>
internal sealed class GuestIntake(TaskOrchestrationContext context, WorkflowOptions options, GuestIntakeInput input)
{
    private readonly Steps _steps = new(context, input.Generation);
    private readonly Inbox _inbox = new(context, input.Answered);
    private CaseIds Case => new(GuestId: input.GuestId);

    public static async Task<string> RunAsync(TaskOrchestrationContext context, GuestIntakeInput? input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = await context.CallActivityAsync<WorkflowOptions>(ActivityNames.ReadSettings);
        return await new GuestIntake(context, options, input).RunAsync();
    }

    private async Task<string> RunAsync()
    {
        if (!input.Admitted && !await AdmitAsync())
        {
            return await EndAsync("Guardianship", GuestStage.Referred);
        }

        await _steps.CallAsync(ActivityNames.SetGuestStage,
            new GuestStageChange(input.GuestId, "Waiting", GuestStage.Waiting, StartsWaiting: !input.Admitted, input.RematchPriority));
        await _steps.StatusAsync("Waiting", "matcher");
        if (!input.Admitted)
        {
            // Told once the case stands as waiting, so the status page the emails link to already knows it.
            await _steps.NotifyAllAsync(
                new Notice("guest-registered", Audience.Guest, Case),
                new Notice("guest-registered-caseworker", Audience.Caseworker, Case));
        }

        var approval = (await Waits.AnswerAsync(context, _inbox, [MatchReservationGuard.Purpose, CaseClosing.GuestPurpose], []))!;
        if (approval.Purpose == CaseClosing.GuestPurpose)
        {
            return await EndAsync("Closed", GuestStage.Ended);
        }

        // The proposals not chosen would be refused now; closing them says so before anyone tries.
        await _steps.CloseQuestionAsync(MatchReservationGuard.Purpose);
        var placement = new PlacementCase(PlacementIds.From(approval.LinkId), approval.Choice, input.GuestId);
        await _steps.CallAsync(ActivityNames.SetGuestStage, new GuestStageChange(input.GuestId, "Matched", GuestStage.Matched, StartsWaiting: false, RematchPriority: false));
        await _steps.StatusAsync("Placement", null, placement.PlacementId);

        // The placement is a workflow of its own, started once by its id, not a sub-orchestration: the engine queues a
        // step's messages before it saves the step, and does not de-duplicate the start of a sub-orchestration, so this
        // step carried out again after a crash would start the placement over while it runs, losing where it stood.
        await _steps.CallAsync(ActivityNames.BeginPlacement, placement);
        var ended = (await Waits.AnswerAsync(context, _inbox, [Placement.PlacementEnded], []))!;
        var result = new PlacementResult(ended.Choice, ended.Values.GetValueOrDefault(Placement.DestinationValue));
        if (result.Outcome == "declined" || result.Destination == "another-host")
        {
            context.ContinueAsNew(input with
            {
                Generation = input.Generation + 1,
                Admitted = true, RematchPriority = input.RematchPriority || result.Outcome == "departed", Answered = _inbox.Seen,
            });
            return "Waiting";
        }

        return await EndAsync("Departed", GuestStage.Ended);
    }

    private async Task<bool> AdmitAsync()
    {
        await _steps.CallAsync(ActivityNames.SetGuestStage, new GuestStageChange(input.GuestId, "Registered", null, StartsWaiting: false, RematchPriority: false));
        var facts = await _steps.CallAsync<GuestFacts>(ActivityNames.ReadGuest, input.GuestId);
        if (facts.MayBeMatched)
        {
            return true;
        }

        await _steps.NotifyAllAsync(
            new Notice("guardianship-needed", Audience.Caseworker, Case),
            new Notice("guardianship-flagged", Audience.Supervisor, Case));
        return false;
    }

    private async Task<string> EndAsync(string outcome, GuestStage stage)
    {
        await Task.WhenAll(
            _steps.CallAsync(ActivityNames.SetGuestStage, new GuestStageChange(input.GuestId, outcome, stage, StartsWaiting: false, RematchPriority: false)),
            _steps.CloseAllQuestionsAsync());
        await _steps.StatusAsync(outcome, null, ended: true);
        await _steps.RetainThenForgetAsync(_inbox, ActivityNames.ForgetGuest, input.GuestId, options.RetainAfterEnd);
        return outcome;
    }
}
