namespace RefugeeHome.Workflows;

/// <summary>
/// The custom status of every workflow instance, for coordinators and the dashboard: the stage, what it waits for and
/// since when. Ids and codes only.
/// </summary>
/// <param name="Stage">Where the journey stands.</param>
/// <param name="WaitingFor">Whose answer or which date it waits for, if any.</param>
/// <param name="Since">When the wait began.</param>
/// <param name="PlacementId">The placement under way, if any.</param>
public sealed record WorkflowStatus(string Stage, string? WaitingFor, DateTime Since, string? PlacementId = null);
