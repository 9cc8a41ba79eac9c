using RefugeeHome.Durable.History;

namespace RefugeeHome.Durable.Dispatch;

/// <summary>What a history says is still outstanding: activities, timers and sub-orchestrations without a result.</summary>
internal sealed class PendingWork
{
    private PendingWork(HashSet<int> answered, Dictionary<int, HistoryEvent> scheduled, HashSet<string> consumedMessages)
    {
        Answered = answered;
        Scheduled = scheduled;
        ConsumedMessages = consumedMessages;
    }

    public HashSet<int> Answered { get; }

    public Dictionary<int, HistoryEvent> Scheduled { get; }

    public HashSet<string> ConsumedMessages { get; }

    public IEnumerable<TaskScheduled> Activities =>
        Scheduled.Values.OfType<TaskScheduled>().Where(task => !Answered.Contains(task.TaskId));

    public IEnumerable<TimerCreated> Timers =>
        Scheduled.Values.OfType<TimerCreated>().Where(timer => !Answered.Contains(timer.TaskId));

    public bool Awaits(int taskId) => Scheduled.ContainsKey(taskId) && !Answered.Contains(taskId);

    public static PendingWork Of(IEnumerable<HistoryEvent> history)
    {
        var answered = new HashSet<int>();
        var scheduled = new Dictionary<int, HistoryEvent>();
        var consumed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var historyEvent in history)
        {
            switch (historyEvent)
            {
                case TaskScheduled task:
                    scheduled[task.TaskId] = task;
                    break;
                case TimerCreated timer:
                    scheduled[timer.TaskId] = timer;
                    break;
                case SubOrchestrationCreated child:
                    scheduled[child.TaskId] = child;
                    break;
                case TaskResultEvent result:
                    answered.Add(result.TaskId);
                    break;
                case EventRaised raised:
                    consumed.Add(raised.MessageId);
                    break;
            }
        }

        return new PendingWork(answered, scheduled, consumed);
    }
}
