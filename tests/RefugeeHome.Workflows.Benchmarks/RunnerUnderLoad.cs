using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Testing;

namespace RefugeeHome.Workflows.Benchmarks;

/// <summary>
/// A runner process on an Azurite of its own, as README's run command starts it (host.json's engine settings, the
/// production durations), and host registrations sent to it over HTTP by eight clients at once. A client whose request
/// fails (the runner was killed under it) sends the same form again, as a person would.
/// </summary>
internal sealed partial class RunnerUnderLoad : IAsyncDisposable
{
    private const int Clients = 8;
    private readonly AzuriteProcess _azurite;
    private readonly Dictionary<string, string> _settings;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private RunnerUnderLoad(AzuriteProcess azurite, Dictionary<string, string> settings, RunnerProcess runner)
    {
        _azurite = azurite;
        _settings = settings;
        Runner = runner;
    }

    public RunnerProcess Runner { get; private set; }

    public static async Task<RunnerUnderLoad> StartAsync()
    {
        var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), AzuriteOptions.InMemoryOnFreePorts(), CancellationToken.None);
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Workflows__MatchingSchedule"] = "0 0 29 2 *",
            ["Statistics__Schedule"] = "0 0 29 2 *",
        };
        return new RunnerUnderLoad(azurite, settings, await RunnerProcess.StartAsync(settings, CancellationToken.None));
    }

    /// <summary>Kills the runner (SIGKILL) and starts it again on the same storage.</summary>
    public async Task KillAndRestartAsync()
    {
        await Runner.DisposeAsync();
        Runner = await RunnerProcess.StartAsync(_settings, CancellationToken.None);
    }

    /// <summary>
    /// Registers <paramref name="count"/> host households; returns each one's address, and when its request was first
    /// sent and finally answered. <paramref name="answered"/> hears how many are answered so far.
    /// </summary>
    public async Task<IReadOnlyList<Registration>> RegisterAsync(int count, Func<int, Task>? answered = null)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var registrations = new List<Registration>();
        using var gate = new SemaphoreSlim(Clients);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async index =>
        {
            await gate.WaitAsync();
            try
            {
                var email = $"host{index}.load@example.org";
                var form = new
                {
                    submissionId = Guid.NewGuid().ToString(), language = "en", firstName = "Sam", lastName = "Visser", email,
                    phone = "+31 6 " + (10_000_000 + index).ToString(CultureInfo.InvariantCulture),
                    street = "Lange Nieuwstraat", houseNumber = (index + 1).ToString(CultureInfo.InvariantCulture), postcode = "3512 PA",
                    municipality = "Utrecht", capacity = 2, privacyConsent = true, availableFrom = today, languages = new[] { "nl", "en" },
                };
                var sent = DateTimeOffset.UtcNow;
                await PostUntilAcceptedAsync(form, index);
                int answeredSoFar;
                lock (registrations)
                {
                    registrations.Add(new Registration(email, sent, DateTimeOffset.UtcNow));
                    answeredSoFar = registrations.Count;
                }

                if (answered is not null)
                {
                    await answered(answeredSoFar);
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return registrations;
    }

    private async Task PostUntilAcceptedAsync(object form, int index)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await _http.PostAsJsonAsync(new Uri(Runner.BaseAddress, "api/hosts"), form);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return;
                }

                if ((int)response.StatusCode < 500 || attempt == 20)
                {
                    throw new InvalidOperationException($"Registration {index} got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (HttpRequestException) when (attempt < 20)
            {
                // The runner went away under the request; it comes back on another port.
            }
            catch (TaskCanceledException) when (attempt < 20)
            {
                // No answer in time: the runner was killed while the request was under way.
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Every email in the outbox: to whom, its subject, and when it came.</summary>
    public async Task<IReadOnlyList<(string To, string Subject, DateTimeOffset ReceivedAt)>> OutboxAsync()
    {
        var outbox = new TableServiceClient(_azurite.ConnectionString).GetTableClient("DevOutbox");
        var emails = new List<(string, string, DateTimeOffset)>();
        await foreach (var email in outbox.QueryAsync<TableEntity>(select: ["To", "Subject", "ReceivedAt"]))
        {
            emails.Add((email.GetString("To")!, email.GetString("Subject")!, email.GetDateTimeOffset("ReceivedAt")!.Value));
        }

        return emails;
    }

    /// <summary>The case number each confirmation email gives, by the address it went to.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CaseNumbersAsync()
    {
        var outbox = new TableServiceClient(_azurite.ConnectionString).GetTableClient("DevOutbox");
        var caseNumbers = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var email in outbox.QueryAsync<TableEntity>(select: ["To", "Subject", "Html"]))
        {
            if (email.GetString("Subject")!.Contains(Confirmation, StringComparison.Ordinal))
            {
                caseNumbers[email.GetString("To")!] = CaseNumber().Match(email.GetString("Html")!).Value;
            }
        }

        return caseNumbers;
    }

    /// <summary>Waits until every address has its confirmation email; returns when each arrived.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ConfirmationsAsync(IReadOnlyCollection<Registration> registrations)
    {
        // Azurite starts about three journeys a second on this machine kind; a large burst needs its time.
        var patience = TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(registrations.Count / 2.0);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var confirmed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            foreach (var (to, subject, receivedAt) in await OutboxAsync())
            {
                if (subject.Contains(Confirmation, StringComparison.Ordinal))
                {
                    confirmed[to] = receivedAt;
                }
            }

            if (registrations.All(registration => confirmed.ContainsKey(registration.Email)))
            {
                return confirmed;
            }

            if (waited.Elapsed > patience)
            {
                throw new TimeoutException($"{registrations.Count - confirmed.Count} registrations got no confirmation in {patience.TotalMinutes:F0} minutes.");
            }

            // Reading the whole outbox is work for the same Azurite the runner uses: often enough to see progress, no more.
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>The subject of a host's confirmation email in English.</summary>
    public const string Confirmation = "registration as a host household has been received";

    [GeneratedRegex("host-[0-9a-f]{32}")]
    private static partial Regex CaseNumber();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Runner.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

/// <summary>A registration sent: to whom its emails go, when it was first sent and when the runner accepted it.</summary>
internal sealed record Registration(string Email, DateTimeOffset Sent, DateTimeOffset Answered);
