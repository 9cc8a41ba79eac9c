using System.Globalization;
using RefugeeHome.Workflows.Benchmarks;

// Usage: dotnet run -c Release --project tests/RefugeeHome.Workflows.Benchmarks -- <engine|registrations|waiting> [count]
//   engine N [bare|product]  hello cities (N instances, five activities each) on the bare engine and on the runner's configuration
//   registrations N  N host registrations over HTTP against a runner process, each until its confirmation email
//   waiting N        the runner's memory with N host journeys waiting for their screening
//   crash N          N host registrations with the runner killed halfway: every email once, none lost
//   console N        the staff console over HTTP with N cases in its index
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var command = args.ElementAtOrDefault(0) ?? "engine";
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, Azurite in memory on 127.0.0.1");
await (command switch
{
    "engine" => EngineComparison.RunAsync(count, args.ElementAtOrDefault(2)),
    "registrations" => RegistrationLoad.RunAsync(count),
    "waiting" => WaitingMemory.RunAsync(count),
    "crash" => CrashDuringBurst.RunAsync(count),
    "console" => ConsoleLoad.RunAsync(count),
    _ => throw new ArgumentException($"Unknown command '{command}': engine, registrations, waiting, crash or console."),
});
