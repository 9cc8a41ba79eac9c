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
        var killedAt = DateTimeOffset.MinValue;
        using var once = new SemaphoreSlim(1);
        var registrations = await load.RegisterAsync(count, async answered =>
        {
            if (answered < count / 2 || killed > 0 || !await once.WaitAsync(0))
            {
                return;
            }

            killed++;
            killedAt = DateTimeOffset.UtcNow;
            await load.KillAndRestartAsync();
        });
        await load.ConfirmationsAsync(registrations);

        // The screening request is sent in the same step as the confirmation; give the last ones time to arrive.
        await Task.Delay(TimeSpan.FromSeconds(90));
        var outbox = await load.OutboxAsync();
        var caseNumbers = await load.CaseNumbersAsync();
        var confirmations = registrations.Select(registration => outbox.Count(email => email.To == registration.Email && email.Subject.Contains(RunnerUnderLoad.Confirmation, StringComparison.Ordinal))).ToList();
        var screenings = registrations.Select(registration => caseNumbers.TryGetValue(registration.Email, out var caseNumber)
            ? outbox.Count(email => email.Subject.EndsWith(caseNumber, StringComparison.Ordinal))
            : 0).ToList();
        // What was sent twice, and when against the kill, tells which gap let it through.
        foreach (var twice in outbox.GroupBy(email => (email.To, email.Subject)).Where(group => group.Count() > 1))
        {
            Console.WriteLine($"sent {twice.Count()} times: '{twice.Key.Subject}' at " +
                string.Join(", ", twice.Select(email => $"{(email.ReceivedAt - killedAt).TotalSeconds:+0.000;-0.000} s")) + " from the kill");
        }

        Console.WriteLine("| registrations | runner killed | households | confirmations lost | sent twice | screening requests lost | sent twice |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {count} | {killed} × | {caseNumbers.Values.Distinct().Count()} | " +
            $"{confirmations.Count(sent => sent == 0)} | {confirmations.Count(sent => sent > 1)} | {screenings.Count(sent => sent == 0)} | {screenings.Count(sent => sent > 1)} |");
    }
}
