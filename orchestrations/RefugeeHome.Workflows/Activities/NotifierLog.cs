using Microsoft.Extensions.Logging;

namespace RefugeeHome.Workflows.Activities;

/// <summary>What the notifier logs: ids and message names, never an address.</summary>
internal static partial class NotifierLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Not sent: {Message} for {InstanceId} would exceed the day's registration emails to its address")]
    public static partial void OverQuota(ILogger logger, string message, string instanceId);
}
