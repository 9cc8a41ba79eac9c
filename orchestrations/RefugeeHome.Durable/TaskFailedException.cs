namespace RefugeeHome.Durable;

/// <summary>Thrown in an orchestrator when an activity or sub-orchestration it awaited failed.</summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception for task <paramref name="taskId"/> named <paramref name="taskName"/>.</summary>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed: {failureDetails?.ErrorType}: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>Name of the activity or sub-orchestration.</summary>
    public string TaskName { get; }

    /// <summary>Sequence number of the task in its orchestration.</summary>
    public int TaskId { get; }

    /// <summary>The failure reported by the task.</summary>
    public TaskFailureDetails FailureDetails { get; }
}
