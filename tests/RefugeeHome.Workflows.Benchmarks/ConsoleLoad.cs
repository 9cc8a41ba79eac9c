using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using RefugeeHome.Cases;
using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Matching.Municipalities;
using RefugeeHome.Testing;

namespace RefugeeHome.Workflows.Benchmarks;

/// <summary>
/// The staff console over HTTP with N cases in its index: a runner process on an Azurite of its own, the index filled
/// as the workflows write it (host and guest households and placements in every stage, across the country's
/// municipalities, a fifth of them overdue), and a coordinator signed in with the development sign-in asking for the
/// pages staff use: the first list (which reads the whole index), the list again, a filtered list, a search by name,
/// a page deep in the list, and single cases.
/// </summary>
internal static partial class ConsoleLoad
{
    private const int Requests = 100;
    private static readonly string[] FirstNames = ["Anke", "Olena", "Bram", "Iryna", "Sanne", "Dmytro", "Fatima", "Oksana", "Joris", "Марія", "Петро", "Ганна"];
    private static readonly string[] LastNames = ["de Vries", "Kovalenko", "Jansen", "Shevchenko", "Bakker", "Melnyk", "El Amrani", "Bondar", "Visser", "Іваненко", "Савченко", "Коваль"];
    private static readonly (CaseKind Kind, string Stage, string? WaitingFor)[] Stages =
    [
        (CaseKind.Host, "Screening", "screener"), (CaseKind.Host, "WaitingForVog", "host"), (CaseKind.Host, "VogCheck", "screener"),
        (CaseKind.Host, "Available", null), (CaseKind.Host, "Paused", null), (CaseKind.Guest, "Waiting", "matcher"),
        (CaseKind.Placement, "Introduction", "connector"), (CaseKind.Placement, "Hosting", "supporter"), (CaseKind.Placement, "Hosting", null),
    ];

    public static async Task RunAsync(int cases)
    {
        await using var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), AzuriteOptions.InMemoryOnFreePorts(), CancellationToken.None);
        var seeding = Stopwatch.StartNew();
        var names = await SeedAsync(new CaseIndex(new TableServiceClient(azurite.ConnectionString)), cases);
        Console.WriteLine($"index of {cases:N0} cases written in {seeding.Elapsed.TotalSeconds:F0} s");

        await using var runner = await RunnerProcess.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Workflows__MatchingSchedule"] = "0 0 29 2 *",
            ["Statistics__Schedule"] = "0 0 29 2 *",
        }, CancellationToken.None);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = runner.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        await SignInAsync(http);
        var idle = ProcessMemory.ResidentMiB(runner.ProcessId);

        var first = await TimeAsync(() => GetAsync(http, "staff"));
        var (list, body) = (new List<double>(), "");
        for (var request = 0; request < Requests; request++)
        {
            list.Add(await TimeAsync(async () => body = await GetAsync(http, "staff")));
        }

        var listed = Total().Match(body).Groups["total"].Value;
        var filtered = await MeasureAsync(() => GetAsync(http, "staff?kind=Guest&stage=Waiting&province=Utrecht&waiting=matcher"));
        var antiforgery = Antiforgery().Match(body);
        var searched = await MeasureAsync(() => PostAsync(http, "staff", new Dictionary<string, string>
        {
            [antiforgery.Groups["name"].Value] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
            ["q"] = names[Random.Shared.Next(names.Count)],
        }));
        var deep = await MeasureAsync(() => GetAsync(http, "staff?ended=on&page=" + Random.Shared.Next(100, 1000).ToString(CultureInfo.InvariantCulture)));
        var ids = CaseLink().Matches(body).Select(match => match.Groups["id"].Value).Distinct().ToList();
        var single = await MeasureAsync(() => GetAsync(http, "staff/cases/" + ids[Random.Shared.Next(ids.Count)]));
        var loaded = ProcessMemory.ResidentMiB(runner.ProcessId);

        Console.WriteLine($"\n{cases:N0} cases in the index; the first page lists \"{listed}\"; runner {idle:F0} MiB signed in, {loaded:F0} MiB after the requests");
        Console.WriteLine("| request | p50 | p95 |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| first list (reads the whole index) | {first:F0} ms | |");
        Row("list of cases, page 1", list);
        Row("filtered by kind, stage, province and whom it waits for", filtered);
        Row("search by name (posted)", searched);
        Row("a page deep in the list, ended cases included", deep);
        Row("one case with its timeline", single);
    }

    // The cases as the workflows' RecordCaseStage writes them; returns the names staff search by.
    private static async Task<IReadOnlyList<string>> SeedAsync(CaseIndex index, int cases)
    {
        await index.CreateTableAsync(CancellationToken.None);
        var municipalities = MunicipalityNames.Default.Canonical.ToList();
        var now = DateTimeOffset.UtcNow;
        var names = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, cases), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (number, token) =>
        {
            var random = new Random(number);
            var (kind, stage, waitingFor) = Stages[random.Next(Stages.Length)];
            var id = kind == CaseKind.Placement ? $"placement-{Guid.NewGuid():N}"[..34] : $"{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}";
            var municipality = municipalities[random.Next(municipalities.Count)];
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]} {number}";
            var since = now.AddHours(-random.Next(1, 24 * 60));
            lock (names)
            {
                names.Add(name);
            }

            await index.RecordAsync(id, _ => new CaseSummary(id, kind, stage, waitingFor, since, waitingFor is null ? null : since.AddDays(random.Next(1, 40) < 8 ? 1 : 60))
            {
                Name = name,
                Email = $"case{number}@example.org",
                Phone = "06 " + (10_000_000 + number).ToString(CultureInfo.InvariantCulture),
                Municipality = municipality,
                Province = MunicipalityNames.Default.ProvinceOf(municipality),
                CaseworkerEmail = kind == CaseKind.Host ? null : "consulent@example.org",
                Ended = random.Next(10) == 0,
            }, token);
        });
        return names;
    }

    private static async Task SignInAsync(HttpClient http)
    {
        var page = await GetAsync(http, "staff/sign-in?lang=en");
        var antiforgery = Antiforgery().Match(page);
        using var response = await http.PostAsync(new Uri("staff/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups["name"].Value] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
            ["role"] = "coordinator", ["name"] = "Load Driver", ["email"] = "coordinator@refugeehome.localhost", ["next"] = "/staff",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The development sign-in answered {(int)response.StatusCode}.");
        }
    }

    private static async Task<string> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
    }

    private static async Task<string> PostAsync(HttpClient http, string path, Dictionary<string, string> form)
    {
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode}");
    }

    private static async Task<List<double>> MeasureAsync(Func<Task<string>> request)
    {
        var times = new List<double>();
        for (var attempt = 0; attempt < Requests; attempt++)
        {
            times.Add(await TimeAsync(request));
        }

        return times;
    }

    private static async Task<double> TimeAsync(Func<Task<string>> request)
    {
        var watch = Stopwatch.StartNew();
        await request();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void Row(string name, List<double> times) =>
        Console.WriteLine($"| {name} | {Percentiles.Of(times, 50):F1} ms | {Percentiles.Of(times, 95):F1} ms |");

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("href=\"/staff/cases/(?<id>[a-z]+-[0-9a-f]+)\"")]
    private static partial Regex CaseLink();

    [GeneratedRegex("(?<total>[0-9.,\u00a0\u202f]+ cases found)")]
    private static partial Regex Total();
}
