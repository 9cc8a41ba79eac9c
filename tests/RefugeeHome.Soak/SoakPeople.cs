using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RefugeeHome.Soak;

/// <summary>An email in the runner's outbox.</summary>
/// <param name="Id">Its id in the outbox.</param>
/// <param name="To">Its recipient.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="Html">Its body.</param>
/// <param name="ReceivedAt">When the sink took it.</param>
internal sealed record SoakEmail(string Id, string To, string Subject, string Html, DateTimeOffset ReceivedAt);

/// <summary>
/// The people of the soak over HTTP, as a browser would do it: registering, opening the pages behind the links in their
/// emails and pressing a button there. A request the runner cannot answer (it was just killed) fails, and is tried again
/// on the next round of the driver.
/// </summary>
internal sealed partial class SoakPeople(Uri runner, string coordinatorKey) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = runner,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose() => _http.Dispose();

    /// <summary>Registers host <paramref name="number"/> as its form does; true once the runner has taken it.</summary>
    public async Task<bool> RegisterHostAsync(int number)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("api/hosts", UriKind.Relative), new
        {
            submissionId = HostSubmission(number), language = "en", firstName = "Soak", lastName = $"Host {number}", email = HostEmail(number),
            phone = "06 " + (30_000_000 + number).ToString(CultureInfo.InvariantCulture), street = "Oudegracht",
            houseNumber = (number + 1).ToString(CultureInfo.InvariantCulture), postcode = "3511 AB", municipality = "Utrecht", capacity = 4,
            availableFrom = Today, acceptsChildren = true, languages = new[] { "uk", "en" }, privacyConsent = true,
        });
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    /// <summary>Registers guest household <paramref name="number"/> as a municipal system does; its id once taken.</summary>
    public async Task<string?> RegisterGuestAsync(int number)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/guests")
        {
            Content = JsonContent.Create(new
            {
                submissionId = GuestSubmission(number), language = "nl", householdLanguage = "uk", caseworkerEmail = "consulent@soak.example",
                municipality = "Utrecht", eligibilityRecorded = true, privacyInformed = true, contactName = $"Soak Guest {number}",
                contactEmail = GuestEmail(number), languages = new[] { "uk" }, members = new object[] { new { age = 35 }, new { age = 37 } },
            }),
        };
        request.Headers.Add("X-Api-Key", coordinatorKey);
        using var response = await _http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.Accepted ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() : null;
    }

    /// <summary>Starts a round of matching now, as a coordinator does.</summary>
    public async Task<bool> StartRoundAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/coordinator/matching-rounds");
        request.Headers.Add("X-Api-Key", coordinatorKey);
        using var response = await _http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }

    /// <summary>Opens the question behind <paramref name="link"/> and presses <paramref name="choice"/> with <paramref name="values"/>; true once it is answered.</summary>
    public async Task<bool> AnswerAsync(string link, string choice, params (string Field, string Value)[] values)
    {
        var fields = await HiddenFieldsAsync(link);
        if (fields is null)
        {
            return false;
        }

        using var content = new FormUrlEncodedContent(fields.Concat(values.Select(value => new KeyValuePair<string, string>("field." + value.Field, value.Value)))
            .Append(new("choice", choice)));
        using var response = await _http.PostAsync(new Uri(link), content);
        // Recorded now or before, or a question the workflow no longer asks: either way nothing is left to do.
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Gone or HttpStatusCode.Conflict;
    }

    /// <summary>Uploads the VOG on the page behind <paramref name="link"/>; true once it is taken.</summary>
    public async Task<bool> UploadAsync(string link)
    {
        var fields = await HiddenFieldsAsync(link);
        if (fields is null)
        {
            return false;
        }

        using var content = new MultipartFormDataContent { { new ByteArrayContent(Pdf), "document", "vog.pdf" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        using var response = await _http.PostAsync(new Uri(link), content);
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Gone or HttpStatusCode.Conflict;
    }

    /// <summary>The first open proposal of each household on every page of the round <paramref name="roundPage"/> links to.</summary>
    public async Task<IReadOnlyList<string>> OpenProposalsAsync(string roundPage)
    {
        var proposals = new List<string>();
        for (var from = 0; ; from += 25)
        {
            using var response = await _http.GetAsync(new Uri(roundPage + "?from=" + from.ToString(CultureInfo.InvariantCulture)));
            if (!response.IsSuccessStatusCode)
            {
                return proposals;
            }

            var page = await response.Content.ReadAsStringAsync();
            var sections = page.Split("<section>").Skip(1).ToList();
            proposals.AddRange(sections.Select(section => ApproveLink().Match(section)).Where(match => match.Success).Select(match => WebUtility.HtmlDecode(match.Groups["url"].Value)));
            if (sections.Count < 25)
            {
                return proposals;
            }
        }
    }

    /// <summary>The value of the first choice on the question behind <paramref name="link"/>, as its button carries it.</summary>
    public async Task<string?> FirstChoiceAsync(string link)
    {
        using var response = await _http.GetAsync(new Uri(link));
        return response.IsSuccessStatusCode && ChoiceButton().Match(await response.Content.ReadAsStringAsync()) is { Success: true } button
            ? WebUtility.HtmlDecode(button.Groups["value"].Value)
            : null;
    }

    /// <summary>Where a case stands, as the coordinator endpoint tells it: its workflow's stage, or null when it cannot be read.</summary>
    public async Task<string?> StageAsync(string caseId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/coordinator/cases/" + caseId);
        request.Headers.Add("X-Api-Key", coordinatorKey);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // Counted as unreadable, and read again while the soak waits for its workflows to settle.
            return null;
        }

        using var _ = response;
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("customStatus", out var status) && status.ValueKind == JsonValueKind.Object ? status.GetProperty("stage").GetString() : null;
    }

    public static string HostEmail(int number) => $"soak.host{number}@example.org";

    public static string GuestEmail(int number) => $"soak.guest{number}@example.org";

    private static string HostSubmission(int number) => $"00000000-0000-4000-8000-{number:D12}";

    private static string GuestSubmission(int number) => $"00000000-0000-4000-9000-{number:D12}";

    /// <summary>The approval and upload links in <paramref name="html"/>, in order.</summary>
    public static IReadOnlyList<string> LinksIn(string html) => QuestionLink().Matches(html).Select(match => WebUtility.HtmlDecode(match.Groups["url"].Value)).ToList();

    /// <summary>The round page <paramref name="html"/> links to.</summary>
    public static string? RoundPageIn(string html) => RoundLink().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups["url"].Value) : null;

    private async Task<List<KeyValuePair<string, string>>?> HiddenFieldsAsync(string link)
    {
        using var response = await _http.GetAsync(new Uri(link));
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        return HiddenField().Matches(await response.Content.ReadAsStringAsync())
            .Select(match => new KeyValuePair<string, string>(match.Groups["name"].Value, WebUtility.HtmlDecode(match.Groups["value"].Value)))
            .ToList();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("href=\"(?<url>http://127\\.0\\.0\\.1:[0-9]+/(?:approve|upload)/[^\"]+)\"")]
    private static partial Regex QuestionLink();

    [GeneratedRegex("href=\"(?<url>http://127\\.0\\.0\\.1:[0-9]+/approve/[^\"]+)\"")]
    private static partial Regex ApproveLink();

    [GeneratedRegex("href=\"(?<url>http://127\\.0\\.0\\.1:[0-9]+/matching/[^\"]+)\"")]
    private static partial Regex RoundLink();

    [GeneratedRegex("<button[^>]*name=\"choice\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex ChoiceButton();
}
