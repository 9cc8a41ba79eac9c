using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Testing;

namespace RefugeeHome.Workflows.Benchmarks;

/// <summary>
/// A runner process on an Azurite of its own, as README's run command starts it (host.json's engine settings, the
/// production durations), and host registrations sent to it over HTTP by eight clients at once.
/// </summary>
internal sealed class RunnerUnderLoad : IAsyncDisposable
{
    private const int Clients = 8;
    private readonly AzuriteProcess _azurite;
    private readonly HttpClient _http;

    private RunnerUnderLoad(AzuriteProcess azurite, RunnerProcess runner)
    {
        _azurite = azurite;
        Runner = runner;
        _http = new HttpClient { BaseAddress = runner.BaseAddress };
    }

    public RunnerProcess Runner { get; }

    public static async Task<RunnerUnderLoad> StartAsync()
    {
        var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), AzuriteOptions.InMemoryOnFreePorts(), CancellationToken.None);
        var runner = await RunnerProcess.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Workflows__MatchingSchedule"] = "0 0 29 2 *",
            ["Statistics__Schedule"] = "0 0 29 2 *",
        }, CancellationToken.None);
        return new RunnerUnderLoad(azurite, runner);
    }

    /// <summary>Registers <paramref name="count"/> host households; returns each one's address and when its request was sent and answered.</summary>
    public async Task<IReadOnlyList<Registration>> RegisterAsync(int count)
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
                var sent = DateTimeOffset.UtcNow;
                using var response = await _http.PostAsJsonAsync(new Uri("api/hosts", UriKind.Relative), new
                {
                    submissionId = Guid.NewGuid().ToString(), language = "en", firstName = "Sam", lastName = "Visser", email,
                    phone = "+31 6 " + (10_000_000 + index).ToString(CultureInfo.InvariantCulture),
                    street = "Lange Nieuwstraat", houseNumber = (index + 1).ToString(CultureInfo.InvariantCulture), postcode = "3512 PA",
                    municipality = "Utrecht", capacity = 2, availableFrom = today, languages = new[] { "nl", "en" },
                });
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"Registration {index} got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                lock (registrations)
                {
                    registrations.Add(new Registration(email, sent, DateTimeOffset.UtcNow));
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return registrations;
    }

    /// <summary>Waits until every address has its confirmation email; returns when each arrived.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ConfirmationsAsync(IReadOnlyCollection<Registration> registrations)
    {
        var outbox = new TableServiceClient(_azurite.ConnectionString).GetTableClient("DevOutbox");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var confirmed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            await foreach (var email in outbox.QueryAsync<TableEntity>(select: ["To", "Subject", "ReceivedAt"]))
            {
                if (email.GetString("Subject")?.Contains("registration as a host household has been received", StringComparison.Ordinal) == true)
                {
                    confirmed[email.GetString("To")!] = email.GetDateTimeOffset("ReceivedAt")!.Value;
                }
            }

            if (registrations.All(registration => confirmed.ContainsKey(registration.Email)))
            {
                return confirmed;
            }

            if (waited.Elapsed > TimeSpan.FromMinutes(30))
            {
                throw new TimeoutException($"{registrations.Count - confirmed.Count} registrations got no confirmation in 30 minutes.");
            }

            await Task.Delay(1000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Runner.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

/// <summary>A registration sent: to whom its emails go, when it was sent and when the runner answered.</summary>
internal sealed record Registration(string Email, DateTimeOffset Sent, DateTimeOffset Answered);
