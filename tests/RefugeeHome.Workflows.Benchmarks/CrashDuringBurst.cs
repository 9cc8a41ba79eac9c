namespace RefugeeHome.Workflows.Benchmarks;

/// <summary>
/// A burst of N host registrations with the runner killed (SIGKILL) when half of them were accepted and started again:
/// every journey must send its confirmation and its screening request once, none lost and none twice.
/// </summary>
internal static class CrashDuringBurst
{
    public static async Task RunAsync(int count)
    {
        await using var load = await RunnerUnderLoad.StartAsync();
        var killed = 0;
        using var once = new SemaphoreSlim(1);
        var registrations = await load.RegisterAsync(count, async answered =>
        {
            if (answered < count / 2 || killed > 0 || !await once.WaitAsync(0))
            {
                return;
            }

            killed++;
            await load.KillAndRestartAsync();
        });
        await load.ConfirmationsAsync(registrations);

        // The screening request is sent in the same step as the confirmation; give the last ones time to arrive.
        await Task.Delay(TimeSpan.FromSeconds(90));
        var outbox = await load.OutboxAsync();
        var confirmations = registrations.Select(registration => outbox.Count(email => email.To == registration.Email && email.Subject.Contains(RunnerUnderLoad.Confirmation, StringComparison.Ordinal))).ToList();
        var screenings = registrations.Select(registration => outbox.Count(email => email.Subject.EndsWith(registration.Id, StringComparison.Ordinal))).ToList();
        Console.WriteLine("| registrations | runner killed | households | confirmations lost | sent twice | screening requests lost | sent twice |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {count} | {killed} × | {registrations.Select(registration => registration.Id).Distinct().Count()} | " +
            $"{confirmations.Count(sent => sent == 0)} | {confirmations.Count(sent => sent > 1)} | {screenings.Count(sent => sent == 0)} | {screenings.Count(sent => sent > 1)} |");
    }
}
