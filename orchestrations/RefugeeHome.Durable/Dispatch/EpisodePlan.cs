using RefugeeHome.Durable.History;
using RefugeeHome.Durable.Storage;

namespace RefugeeHome.Durable.Dispatch;

/// <summary>The outcome of planning an episode: what to commit and what to do once it is committed.</summary>
/// <param name="Commit">Row changes, or null when the episode changes nothing durable.</param>
/// <param name="ActivitiesToRun">Activities to start after the commit.</param>
/// <param name="OrphanKeys">Due rows that carry nothing new (duplicates, messages for a finished instance), deleted after the commit.</param>
/// <param name="EventsProcessed">Events delivered to the orchestrator.</param>
/// <param name="NextStart">The start signal of the next execution when the instance continued as new.</param>
internal sealed record EpisodePlan(
    EpisodeCommit? Commit,
    IReadOnlyList<TaskScheduled> ActivitiesToRun,
    IReadOnlyList<string> OrphanKeys,
    int EventsProcessed,
    DueMessage? NextStart);
