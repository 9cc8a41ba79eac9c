using Azure.Data.Tables;
using RefugeeHome.Durable;
using RefugeeHome.Durable.CrashWorker;

// Usage: CrashWorker <connection string> <task hub> <worker id>. Runs until killed.
if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: RefugeeHome.Durable.CrashWorker <connection string> <task hub> <worker id>");
    return 2;
}

var options = new DurableRuntimeOptions
{
    TaskHubName = args[1],
    WorkerId = args[2],
    PartitionCount = 4,
    MaxPollInterval = TimeSpan.FromMilliseconds(200),
};
await using var runtime = await DurableRuntime.StartAsync(new TableServiceClient(args[0]), ChainWorkflow.Register(new DurableTaskRegistry()), options);
Console.WriteLine("worker started");
await Task.Delay(Timeout.Infinite);
return 0;
