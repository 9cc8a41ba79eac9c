using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Azure.Data.Tables;
using FsCheck;
using FsCheck.Fluent;
using RefugeeHome.Registrations;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

/// <summary>
/// Every form, JSON body and token of the public surface fed what FsCheck makes up: random Unicode, control and
/// reordering marks, text far too long, lists far too long, values of the wrong kind, malformed JSON and multipart.
/// Nothing ever gets a 500, and no household is ever stored in part.
/// </summary>
public sealed class RandomInputPropertyTests
{
    private const int Cases = 150;

    private static readonly string[] HostFields =
    [
        "submissionId", "language", "firstName", "lastName", "email", "phone", "street", "houseNumber", "postcode", "municipality", "capacity",
        "availableFrom", "availableUntil", "languages", "acceptedPets", "acceptedHouseholds", "accommodation", "privacyConsent", "acceptsChildren",
    ];

    private static readonly string[] Awkward =
    [
        "", " ", "\u0000", "\u001B[2J", "\u202Eevil", "\u200B\u200B", "\r\nBcc: x@example.org", "Олена", "علی", "😀😀", "<script>alert(1)</script>",
        "'; DROP TABLE hosts; --", "%00", "../../etc/passwd", "nl", "Utrecht", "3511 AB", "06 12345678", "anke@example.org", "2026-12-06", "-1", "1e309",
    ];

    [Fact]
    public async Task Made_up_bodies_forms_uploads_and_tokens_never_get_a_server_error_and_no_household_is_stored_in_part()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var azurite = await JourneyEndToEndTests.OwnStorageAsync();
        await using var runner = await RunnerProcess.StartAsync(JourneyEndToEndTests.Settings(azurite), cancellation);
        using var browser = new JourneyBrowser(runner, JourneyEndToEndTests.CoordinatorKey);
        var uploadLink = await UploadLinkAsync(browser);
        var failures = new List<string>();

        async Task ProbeAsync(string what, Func<Task<HttpStatusCode>> send)
        {
            var status = await send();
            if ((int)status >= 500)
            {
                failures.Add($"{(int)status} for {what}");
            }
        }

        foreach (var body in Gen.Sample(JsonBodies(), Cases))
        {
            await ProbeAsync("host JSON " + Shorten(body), () => PostAsync(browser, "api/hosts", new StringContent(body, Encoding.UTF8, "application/json")));
            await ProbeAsync("guest JSON " + Shorten(body), () => PostAsync(browser, "api/guests", new StringContent(body, Encoding.UTF8, "application/json"), withKey: true));
        }

        var hostForm = await browser.OpenFormAsync("register/host");
        foreach (var fields in Gen.Sample(FormFields(), Cases))
        {
            await ProbeAsync("host form " + Shorten(string.Join('&', fields.Select(field => field.Key))),
                () => PostAsync(browser, "register/host", new FormUrlEncodedContent(hostForm.Concat(fields))));
        }

        var uploadForm = await browser.OpenFormAsync(uploadLink);
        foreach (var file in Gen.Sample(Files(), Cases / 3))
        {
            var content = new MultipartFormDataContent { { new ByteArrayContent(file), "document", "vog.pdf" } };
            foreach (var (name, value) in uploadForm)
            {
                content.Add(new StringContent(value), name);
            }

            await ProbeAsync($"an upload of {file.Length} bytes", () => PostAsync(browser, uploadLink, content));
        }

        foreach (var token in Gen.Sample(Text(), Cases))
        {
            var escaped = Uri.EscapeDataString(token.Length == 0 ? "x" : token[..Math.Min(token.Length, 2_000)]);
            await ProbeAsync("approval token " + Shorten(token), async () => (await browser.GetAsync("approve/" + escaped)).StatusCode);
            await ProbeAsync("upload token " + Shorten(token), async () => (await browser.GetAsync("upload/" + escaped)).StatusCode);
            await ProbeAsync("status page " + Shorten(token), async () => (await browser.GetAsync($"status/host-{escaped}/{escaped}")).StatusCode);
            await ProbeAsync("round page " + Shorten(token), async () => (await browser.GetAsync($"matching/{escaped}/{escaped}")).StatusCode);
            await ProbeAsync("answer to a made-up link " + Shorten(token),
                () => PostAsync(browser, "approve/" + escaped, new FormUrlEncodedContent([new("choice", token[..Math.Min(token.Length, 2_000)])])));
        }

        failures.Should().BeEmpty();
        runner.Output.Should().NotContain("An unhandled exception");
        (await StoredHostsAsync(azurite.ConnectionString)).Should().AllSatisfy(host => host.Should().Match<TableEntity>(row => Complete(row), "a household is stored whole or not at all"));
    }

    // Everything a registration must hold, held, and clean.
    private static bool Complete(TableEntity row) =>
        new[] { "FirstName", "LastName", "Email", "Phone", "Street", "HouseNumber", "Postcode", "Municipality", "Language" }
            .All(field => row.GetString(field) is { Length: > 0 } value && TypedText.IsClean(value))
        && TypedText.IsEmailAddress(row.GetString("Email"));

    private static async Task<List<TableEntity>> StoredHostsAsync(string connectionString)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("HostRegistrations");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"hosts"} and RowKey ge {"host|"} and RowKey lt {"host}"}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    // A host whose screening is passed, for its upload page, which reads a multipart body only behind a real link.
    private static async Task<string> UploadLinkAsync(JourneyBrowser browser)
    {
        await browser.SubmitFormAsync("register/host?lang=en", JourneyEndToEndTests.HostForm(DateOnly.FromDateTime(DateTime.UtcNow)));
        var screening = await browser.EmailAsync("screening@refugeehome.localhost", "Screening");
        await browser.AnswerAsync(screening.Links[0], "suitable", ("childSafety", "yes"));
        return (await browser.EmailAsync("anke.e2e@example.org", "upload your VOG")).Links[0];
    }

    private static async Task<HttpStatusCode> PostAsync(JourneyBrowser browser, string path, HttpContent content, bool withKey = false)
    {
        // The client asks for the go-ahead before it sends a body, so it reads the answer to one too large.
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.ExpectContinue = true;
        if (withKey)
        {
            request.Headers.Add("X-Api-Key", JourneyEndToEndTests.CoordinatorKey);
        }

        using var response = await browser.SendAsync(request);
        return response.StatusCode;
    }

    private static Gen<string> Text() => Gen.OneOf(
        Gen.Elements(Awkward),
        ArbMap.Default.GeneratorFor<string>().Select(value => value ?? ""),
        Gen.Choose(0, 300_000).Select(length => new string('ж', length)),
        Gen.ArrayOf(Gen.Choose(0, 0xD7FF).Select(code => (char)code)).Select(characters => new string(characters)));

    private static Gen<JsonNode?> Value() => Gen.OneOf(
        Text().Select(text => (JsonNode?)JsonValue.Create(text)),
        Gen.Choose(int.MinValue, int.MaxValue).Select(number => (JsonNode?)JsonValue.Create(number)),
        Gen.Constant<JsonNode?>(null),
        Gen.Elements(true, false).Select(flag => (JsonNode?)JsonValue.Create(flag)),
        Gen.Choose(0, 20_000).SelectMany(length => Gen.ArrayOf(Gen.Elements(Awkward), length))
            .Select(items => (JsonNode?)new JsonArray(items.Select(item => (JsonNode?)JsonValue.Create(item)).ToArray())));

    private static Gen<string> JsonBodies() => Gen.OneOf(
        Gen.SubListOf(HostFields).SelectMany(fields => Gen.ArrayOf(Value(), fields.Count).Select(values =>
        {
            var body = new JsonObject();
            for (var index = 0; index < fields.Count; index++)
            {
                body[fields[index]] = values[index];
            }

            return body.ToJsonString();
        })),
        Text());

    private static Gen<List<KeyValuePair<string, string>>> FormFields() =>
        Gen.SubListOf(HostFields.Concat(["members[0].age", "members[99].custody", "switchLanguage", "field.x", "\u0000"]).ToArray())
            .SelectMany(fields => Gen.ArrayOf(Text(), fields.Count)
                .Select(values => fields.Zip(values, (field, value) => new KeyValuePair<string, string>(field, value[..Math.Min(value.Length, 30_000)])).ToList()));

    private static Gen<byte[]> Files() => Gen.OneOf(
        Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>()),
        Gen.Choose(0, 7_000_000).Select(length => new byte[length]),
        Text().Select(body => Encoding.UTF8.GetBytes("%PDF-1.4\n" + body + "\n%%EOF")));

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
