using Microsoft.DurableTask;
using RefugeeHome.Workflows.Orchestrators;

namespace RefugeeHome.Workflows;

/// <summary>The orchestrators' entry points, which the runner registers and the Functions app's orchestration triggers call.</summary>
public static class WorkflowOrchestrators
{
    /// <summary>One host household from registration to the end.</summary>
    public static Task<string> HostJourneyAsync(TaskOrchestrationContext context, HostJourneyInput? input) => HostJourney.RunAsync(context, input);

    /// <summary>One guest household from registration to departure.</summary>
    public static Task<string> GuestIntakeAsync(TaskOrchestrationContext context, GuestIntakeInput? input) => GuestIntake.RunAsync(context, input);

    /// <summary>One placement from the approved match to departure.</summary>
    public static Task<PlacementResult> PlacementAsync(TaskOrchestrationContext context, PlacementCase? placement) => Placement.RunAsync(context, placement);

    /// <summary>One round of matching.</summary>
    public static Task<int> MatchingRoundAsync(TaskOrchestrationContext context) => MatchingRound.RunAsync(context);

    /// <summary>Telling a registered host household that someone registered it again.</summary>
    public static Task<bool> RegisteredAgainAsync(TaskOrchestrationContext context, RegisteredAgainInput? input) => RegisteredAgain.RunAsync(context, input);
}
