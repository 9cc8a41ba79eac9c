namespace RefugeeHome.Durable.CrashWorker;

/// <summary>
/// The workload of the crash and throughput tests: five activities in sequence, each adding its position to a running
/// total, so the output proves that every step ran and that no step's result was applied twice.
/// </summary>
public static class ChainWorkflow
{
    public const string Orchestrator = "Chain";
    public const string Activity = "AddStep";
    public const int Steps = 5;

    /// <summary>What a chain started with <paramref name="seed"/> returns: seed·10⁵ plus the steps 1..5 in order.</summary>
    public static long ExpectedOutput(long seed)
    {
        var total = seed;
        for (var step = 1; step <= Steps; step++)
        {
            total = (total * 10) + step;
        }

        return total;
    }

    public static DurableTaskRegistry Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestratorFunc<long, long>(Orchestrator, async (context, seed) =>
            {
                var total = seed;
                for (var step = 1; step <= Steps; step++)
                {
                    total = await context.CallActivityAsync<long>(Activity, new StepInput(total, step));
                }

                return total;
            })
            .AddActivityFunc<StepInput, long>(Activity, (_, input) => Task.FromResult((input!.Total * 10) + input.Step));
    }

    public sealed record StepInput(long Total, int Step);
}
