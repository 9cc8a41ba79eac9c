using System.Globalization;

namespace RefugeeHome.Workflows.Benchmarks;

/// <summary>The runner's resident memory with N host journeys waiting for their screening, after they all got there.</summary>
internal static class WaitingMemory
{
    public static async Task RunAsync(int count)
    {
        await using var load = await RunnerUnderLoad.StartAsync();
        var idle = ProcessMemory.ResidentMiB(load.Runner.ProcessId);
        var registrations = await load.RegisterAsync(count);
        await load.ConfirmationsAsync(registrations);

        // The screening email follows the confirmation in the same step; give the last ones and the engine time to settle.
        await Task.Delay(TimeSpan.FromSeconds(60));
        var waiting = ProcessMemory.ResidentMiB(load.Runner.ProcessId);
        Console.WriteLine("| journeys waiting | runner RSS idle | runner RSS with them waiting | per journey |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| {count} | {idle:F0} MiB | {waiting:F0} MiB | {(waiting - idle) * 1024 / count:F1} KiB |");
    }
}
