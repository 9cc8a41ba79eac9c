namespace RefugeeHome.Runner;

internal static partial class RunnerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "RefugeeHome runner is up on http://127.0.0.1:{Port} (task hub {TaskHub}; health: /health; local mail sink at /dev/outbox: {LocalMail}). Press Ctrl+C to stop.")]
    public static partial void Started(ILogger logger, int port, bool localMail, string taskHub);
}
