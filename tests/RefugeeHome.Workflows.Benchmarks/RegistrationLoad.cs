namespace RefugeeHome.Workflows.Benchmarks;

/// <summary>N host registrations over HTTP to a runner process, each until its confirmation email is in the outbox.</summary>
internal static class RegistrationLoad
{
    public static async Task RunAsync(int count)
    {
        await using var load = await RunnerUnderLoad.StartAsync();
        var registrations = await load.RegisterAsync(count);
        var confirmed = await load.ConfirmationsAsync(registrations);
        var toEmail = registrations.Select(registration => (confirmed[registration.Email] - registration.Sent).TotalSeconds).ToList();
        var answers = registrations.Select(registration => (registration.Answered - registration.Sent).TotalMilliseconds).ToList();
        var wall = (confirmed.Values.Max() - registrations.Min(registration => registration.Sent)).TotalSeconds;
        Console.WriteLine("| registrations | wall time to the last email | registrations/s | registration → email p50 | p95 | HTTP answer p50 | p95 |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {count} | {wall:F1} s | {count / wall:F1} | {Percentiles.Of(toEmail, 50):F1} s | {Percentiles.Of(toEmail, 95):F1} s | {Percentiles.Of(answers, 50):F0} ms | {Percentiles.Of(answers, 95):F0} ms |");
    }
}
