using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RefugeeHome.Workflows;

namespace RefugeeHome.Functions;

/// <summary>The workflows of <see cref="WorkflowCatalogue"/> as Durable Functions orchestrators.</summary>
public static class OrchestratorFunctions
{
    [Function(OrchestratorNames.HostJourney)]
    public static Task<string> HostJourney([OrchestrationTrigger] TaskOrchestrationContext context) =>
        WorkflowOrchestrators.HostJourneyAsync(context, context.GetInput<HostJourneyInput>());

    [Function(OrchestratorNames.GuestIntake)]
    public static Task<string> GuestIntake([OrchestrationTrigger] TaskOrchestrationContext context) =>
        WorkflowOrchestrators.GuestIntakeAsync(context, context.GetInput<GuestIntakeInput>());

    [Function(OrchestratorNames.Placement)]
    public static Task<PlacementResult> Placement([OrchestrationTrigger] TaskOrchestrationContext context) =>
        WorkflowOrchestrators.PlacementAsync(context, context.GetInput<PlacementCase>());

    [Function(OrchestratorNames.MatchingRound)]
    public static Task<int> MatchingRound([OrchestrationTrigger] TaskOrchestrationContext context) =>
        WorkflowOrchestrators.MatchingRoundAsync(context);

    [Function(OrchestratorNames.RegisteredAgain)]
    public static Task<bool> RegisteredAgain([OrchestrationTrigger] TaskOrchestrationContext context) =>
        WorkflowOrchestrators.RegisteredAgainAsync(context, context.GetInput<RegisteredAgainInput>());
}
