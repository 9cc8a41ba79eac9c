using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

/// <summary>
/// A person with a browser in front of the local runner: keeps cookies, fills in the forms it is shown, reads the
/// outbox and follows the links in the emails. Only HTTP, nothing else of the runner.
/// </summary>
internal sealed partial class JourneyBrowser(RunnerProcess runner, string coordinatorKey) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = runner.BaseAddress,
    };

    /// <summary>Starts a round of matching as a coordinator does, instead of waiting for the morning.</summary>
    public async Task<string> StartMatchingRoundAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/coordinator/matching-rounds", UriKind.Relative));
        request.Headers.Add("X-Api-Key", coordinatorKey);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("round").GetString()!;
    }

    /// <summary>Opens the page at <paramref name="path"/> and submits its form with <paramref name="fields"/> added to the form's own hidden fields.</summary>
    public async Task<(HttpStatusCode Status, string Page)> SubmitFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        await PostFormAsync(path, (await OpenFormAsync(path)).Concat(fields));

    /// <summary>The hidden fields of the form on the page at <paramref name="path"/>, as a browser tab keeps them.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> OpenFormAsync(string path)
    {
        var page = await _http.GetStringAsync(new Uri(path, UriKind.RelativeOrAbsolute));
        return HiddenField().Matches(page).Select(match => new KeyValuePair<string, string>(match.Groups["name"].Value, WebUtility.HtmlDecode(match.Groups["value"].Value))).ToList();
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="path"/>.</summary>
    public async Task<(HttpStatusCode Status, string Page)> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _http.PostAsync(new Uri(path, UriKind.RelativeOrAbsolute), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens a link's page and presses <paramref name="choice"/> with the given field values.</summary>
    public Task<(HttpStatusCode Status, string Page)> AnswerAsync(string link, string choice, params (string Field, string Value)[] values) =>
        SubmitFormAsync(link, values.Select(value => new KeyValuePair<string, string>("field." + value.Field, value.Value)).Append(new("choice", choice)));

    /// <summary>Uploads <paramref name="file"/> on the upload page behind <paramref name="link"/>.</summary>
    public async Task<(HttpStatusCode Status, string Page)> UploadAsync(string link, byte[] file, string fileName) =>
        await SendUploadAsync(link, await OpenUploadAsync(link), file, fileName);

    /// <summary>Opens the upload page behind <paramref name="link"/>; returns its anti-forgery field, as a browser keeps it.</summary>
    public async Task<KeyValuePair<string, string>> OpenUploadAsync(string link)
    {
        var antiforgery = HiddenField().Match(await _http.GetStringAsync(new Uri(link)));
        return new(antiforgery.Groups["name"].Value, WebUtility.HtmlDecode(antiforgery.Groups["value"].Value));
    }

    /// <summary>Sends <paramref name="file"/> from the upload page opened before with <paramref name="antiforgery"/>.</summary>
    public async Task<(HttpStatusCode Status, string Page)> SendUploadAsync(string link, KeyValuePair<string, string> antiforgery, byte[] file, string fileName)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(antiforgery.Value), antiforgery.Key },
            { new ByteArrayContent(file), "document", fileName },
        };
        using var response = await _http.PostAsync(new Uri(link), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    public Task<HttpResponseMessage> PostAsync(string url, HttpContent content) => _http.PostAsync(new Uri(url, UriKind.RelativeOrAbsolute), content);

    public async Task<HttpResponseMessage> PostJsonAsync(string path, object body) => await _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);

    /// <summary>Registers a guest household as a municipality's own system does: as JSON, with the coordinator's key.</summary>
    public async Task<HttpResponseMessage> RegisterGuestAsync(object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/guests", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", coordinatorKey);
        return await _http.SendAsync(request);
    }

    /// <summary>Every email in the outbox, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxEmail>> OutboxAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("dev/outbox", UriKind.Relative));
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _http.SendAsync(request);
        var emails = await response.Content.ReadFromJsonAsync<JsonElement>();
        return emails.EnumerateArray()
            .Select(email => new OutboxEmail(email.GetProperty("to")[0].GetString()!, email.GetProperty("subject").GetString()!, email.GetProperty("html").GetString() ?? ""))
            .Reverse().ToList();
    }

    /// <summary>Waits for the <paramref name="count"/>th email to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<OutboxEmail> EmailAsync(string to, string subject, int count = 1)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var outbox = await OutboxAsync();
            var matching = outbox.Where(email => email.To == to && email.Subject.Contains(subject, StringComparison.Ordinal)).ToList();
            if (matching.Count >= count)
            {
                return matching[count - 1];
            }

            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"No email '{subject}' #{count} to {to}. Outbox: {string.Join("; ", outbox.Select(email => $"{email.To}: {email.Subject}"))}\n{runner.Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Where a case stands, as the coordinator endpoint tells it.</summary>
    public async Task<JsonElement> CaseAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/coordinator/cases/{id}", UriKind.Relative));
        request.Headers.Add("X-Api-Key", coordinatorKey);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Waits until the case's workflow reports <paramref name="stage"/>.</summary>
    public Task<JsonElement> StageAsync(string id, string stage) => WaitForCaseAsync(id, stage,
        found => found.GetProperty("customStatus") is { ValueKind: JsonValueKind.Object } status && status.GetProperty("stage").GetString() == stage);

    /// <summary>Waits until the case's workflow has ended.</summary>
    public Task<JsonElement> EndedAsync(string id) =>
        WaitForCaseAsync(id, "the end of its workflow", found => found.GetProperty("runtimeStatus").GetString() == "Completed");

    private async Task<JsonElement> WaitForCaseAsync(string id, string what, Func<JsonElement, bool> reached)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var found = await CaseAsync(id);
            if (reached(found))
            {
                return found;
            }

            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"{id} did not reach {what}: {found}\n{runner.Output}");
            }

            await Task.Delay(200);
        }
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\" />")]
    private static partial Regex HiddenField();
}

/// <summary>An email in the runner's outbox.</summary>
internal sealed partial record OutboxEmail(string To, string Subject, string Html)
{
    /// <summary>The household's own status page the email links to.</summary>
    public string StatusLink => Status().Match(Html) is { Success: true } found ? found.Groups["url"].Value : throw new InvalidOperationException($"No status link in '{Subject}'.");

    /// <summary>The id of the host household whose status page the email links to.</summary>
    public string HostId => Status().Match(Html) is { Success: true, Groups: var groups } && groups["id"].Value.StartsWith("host-", StringComparison.Ordinal)
        ? groups["id"].Value
        : throw new InvalidOperationException($"No host status link in '{Subject}'.");

    /// <summary>The approval and upload links in the email, in order.</summary>
    public IReadOnlyList<string> Links => Link().Matches(Html).Select(match => WebUtility.HtmlDecode(match.Groups["url"].Value)).ToList();

    [GeneratedRegex("href=\"(?<url>http://127\\.0\\.0\\.1:[0-9]+/status/(?<id>[a-z]+-[0-9a-f]{32})/[^\"]+)\"")]
    private static partial Regex Status();

    [GeneratedRegex("href=\"(?<url>http://127\\.0\\.0\\.1:[0-9]+/(?:approve|upload)/[^\"]+)\"")]
    private static partial Regex Link();
}
