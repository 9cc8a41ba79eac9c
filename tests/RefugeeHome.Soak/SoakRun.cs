using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Testing;

namespace RefugeeHome.Soak;

/// <summary>What a soak found, as a section of docs/BENCHMARKS.md, and whether it passed.</summary>
/// <param name="Markdown">The section.</param>
/// <param name="Passed">Nothing lost, stalled or sent twice.</param>
internal sealed record SoakResult(string Markdown, bool Passed);

/// <summary>
/// The soak: a runner on an Azurite of its own, N host households and M placements walked end to end over HTTP by the
/// people of <see cref="SoakPeople"/> reacting to their emails, and the runner killed (SIGKILL) K times at random moments
/// and started again on the same storage. At the end every journey must stand where it should, and every email must
/// have gone out once.
/// </summary>
internal static class SoakRun
{
    private const string CoordinatorKey = "soak-coordinator-key";
    private const string Screener = "screening@refugeehome.localhost";
    private const string Connector = "connector@refugeehome.localhost";

    // How long the soak waits for any journey to move before it counts what has not arrived as stalled.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task<SoakResult> RunAsync(int hosts, int placements, int kills, string? storageFolder)
    {
        await using var azurite = await AzuriteProcess.StartAsync(
            RepositoryRoot.Find(), AzuriteOptions.InMemoryOnFreePorts() with { DataFolder = storageFolder }, CancellationToken.None);
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Coordinator__ApiKey"] = CoordinatorKey,

            // Started again where it was, so the links in the emails sent before a kill still lead to it.
            ["Runner__Port"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["Approvals__SigningKey"] = Convert.ToBase64String(Enumerable.Range(3, 32).Select(i => (byte)i).ToArray()),

            // Nobody is reminded or asked again while the soak runs, so every email it causes must go out exactly once.
            ["Workflows__ReminderAfter"] = "30.00:00:00",
            ["Workflows__EscalateAfter"] = "60.00:00:00",
            ["Workflows__VogDeadline"] = "365.00:00:00",
            ["Workflows__AvailabilityCheckEvery"] = "365.00:00:00",
            ["Workflows__VisitDueAfter"] = "30.00:00:00",
            ["Workflows__MatchingSchedule"] = "0 0 29 2 *",
            ["Statistics__Schedule"] = "0 0 29 2 *",
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__controlQueueVisibilityTimeout"] = "00:00:20",
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__workItemQueueVisibilityTimeout"] = "00:00:20",
        };
        var runner = await RunnerProcess.StartAsync(settings, CancellationToken.None);
        var sent = new SoakOutbox(azurite.ConnectionString);
        var started = Stopwatch.StartNew();
        var journeys = new SoakJourneys(hosts, placements);
        var killPoints = KillPoints(hosts + (placements * 3), kills);
        var killedAt = new List<TimeSpan>();
        var handled = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var registeredGuests = new ConcurrentDictionary<int, string>();
        var roundsStarted = 0;
        var lastRound = TimeSpan.Zero;
        try
        {
            var (lastProgress, progressAt) = (-1, TimeSpan.Zero);
            while (!journeys.Done)
            {
                // Any household registered or email sent is a step some journey took. The outbox is read before the
                // patience is judged: one round of the driver can itself take minutes (a round's page holds a proposal
                // for every waiting family), and what was sent meanwhile is progress.
                var outbox = await sent.ReadAsync();
                if (journeys.Registered + sent.Count != lastProgress)
                {
                    (lastProgress, progressAt) = (journeys.Registered + sent.Count, started.Elapsed);
                }
                else if (started.Elapsed - progressAt >= Patience)
                {
                    break;
                }

                using var people = new SoakPeople(runner.BaseAddress, CoordinatorKey);
                try
                {
                    await journeys.RegisterHostsAsync(people);
                    if (journeys.Available >= placements)
                    {
                        await journeys.RegisterGuestsAsync(people, registeredGuests);
                    }

                    journeys.Observe(outbox);
                    await ActAsync(people, outbox, handled, journeys);
                    if (registeredGuests.Count == placements && journeys.Matched < placements && started.Elapsed - lastRound > TimeSpan.FromSeconds(20))
                    {
                        await people.StartRoundAsync();
                        roundsStarted++;
                        lastRound = started.Elapsed;
                    }
                }
                catch (HttpRequestException)
                {
                    // The runner is down or restarting: the next round of the driver tries again.
                }
                catch (TaskCanceledException)
                {
                }

                if (killPoints.Count > 0 && journeys.Progress >= killPoints.Peek())
                {
                    killPoints.Dequeue();
                    killedAt.Add(started.Elapsed);
                    await StopAsync(runner, storageFolder);
                    runner = await RunnerProcess.StartAsync(settings, CancellationToken.None);
                }

                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            using var final = new SoakPeople(runner.BaseAddress, CoordinatorKey);
            var stages = await SettledStagesAsync(final, journeys, registeredGuests);
            var outboxAtEnd = await sent.ReadAsync();
            journeys.Observe(outboxAtEnd);
            return SoakReport.Of(hosts, placements, killedAt, roundsStarted, started.Elapsed, journeys, outboxAtEnd, stages);
        }
        finally
        {
            await StopAsync(runner, storageFolder);
        }
    }

    // A journey's last email goes out before its workflow records where it ends, and on a loaded machine each step can
    // wait minutes for its turn: the stages are read again until every workflow stands where it should, or none has
    // moved for the patience.
    private static async Task<IReadOnlyDictionary<string, int>> SettledStagesAsync(
        SoakPeople people, SoakJourneys journeys, ConcurrentDictionary<int, string> guests)
    {
        var stages = await journeys.StagesAsync(people, guests);
        var unchanged = Stopwatch.StartNew();
        while (journeys.Unsettled(stages) > 0 && unchanged.Elapsed < Patience)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            var next = await journeys.StagesAsync(people, guests);
            if (next.Count != stages.Count || next.Any(stage => stages.GetValueOrDefault(stage.Key) != stage.Value))
            {
                unchanged.Restart();
            }

            stages = next;
        }

        return stages;
    }

    // Kills the runner; with the storage kept, its output is kept beside it, to read what a failed run did.
    private static async Task StopAsync(RunnerProcess runner, string? storageFolder)
    {
        await runner.DisposeAsync();
        if (storageFolder is not null)
        {
            await File.AppendAllTextAsync(Path.Combine(storageFolder, "runner.log"), runner.Output);
        }
    }

    // React to every email not handled yet as its recipient would; an action that fails is tried on the next round.
    private static async Task ActAsync(SoakPeople people, IReadOnlyList<SoakEmail> outbox, ConcurrentDictionary<string, bool> handled, SoakJourneys journeys)
    {
        var waiting = outbox.Where(email => !handled.ContainsKey(email.Id)).ToList();
        await Parallel.ForEachAsync(waiting, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (email, _) =>
        {
            bool done;
            try
            {
                done = await ActOnAsync(people, email, journeys);
            }
            catch (HttpRequestException)
            {
                done = false;
            }
            catch (TaskCanceledException)
            {
                done = false;
            }

            if (done)
            {
                handled[email.Id] = true;
            }
        });
    }

    private static async Task<bool> ActOnAsync(SoakPeople people, SoakEmail email, SoakJourneys journeys)
    {
        var links = SoakPeople.LinksIn(email.Html);
        return (email.To, email.Subject) switch
        {
            (Screener, var subject) when subject.StartsWith("Screening: nieuw gastgezin", StringComparison.Ordinal) => await people.AnswerAsync(links[0], "suitable", ("childSafety", "yes")),
            (Screener, var subject) when subject.StartsWith("VOG controleren", StringComparison.Ordinal) => await people.AnswerAsync(links[0], "approve"),
            (_, var subject) when subject.StartsWith("Please upload your VOG", StringComparison.Ordinal) => await people.UploadAsync(links[0]),
            (_, var subject) when subject.StartsWith("Koppelvoorstellen en overzicht", StringComparison.Ordinal) => await ApproveRoundAsync(people, email, journeys),
            (Connector, var subject) when subject.StartsWith("Kennismaking plannen", StringComparison.Ordinal) =>
                await people.AnswerAsync(links[0], "scheduled", ("date", Today())),
            (Connector, var subject) when subject.StartsWith("Uitkomst kennismaking", StringComparison.Ordinal) =>
                await people.AnswerAsync(links[0], "agreed", ("moveIn", Today())),
            (_, var subject) when subject.StartsWith("Your guests have moved in", StringComparison.Ordinal) => await people.AnswerAsync(links[0], "end-now", ("reason", "other")),
            (Connector, var subject) when subject.StartsWith("Vertrek vastleggen", StringComparison.Ordinal) => await people.AnswerAsync(links[0], "own-housing"),
            (_, var subject) when subject.StartsWith("The placement has ended: what next?", StringComparison.Ordinal) => await people.AnswerAsync(links[0], "retire"),
            _ => true,
        };
    }

    // The matcher approves, for every household of the round, its first proposal that is still open.
    private static async Task<bool> ApproveRoundAsync(SoakPeople people, SoakEmail email, SoakJourneys journeys)
    {
        if (SoakPeople.RoundPageIn(email.Html) is not { } page)
        {
            return true;
        }

        foreach (var proposal in await people.OpenProposalsAsync(page))
        {
            if (await people.FirstChoiceAsync(proposal) is { } host && !await people.AnswerAsync(proposal, host))
            {
                return false;
            }
        }

        return true;
    }

    private static string Today() => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Random moments of the run, by how far the journeys have come.
    private static Queue<int> KillPoints(int steps, int kills) =>
        new(Enumerable.Range(0, kills).Select(_ => Random.Shared.Next(steps / 20, steps * 19 / 20)).Order());
}
