using System.Text;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using RefugeeHome.Testing;

namespace RefugeeHome.Statistics.Tests;

public sealed partial class NightlyStatisticsJobTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 11, 21);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Stores_the_report_as_csv_and_json_and_mails_it_with_the_csv_attached()
    {
        var harness = await StatisticsHarness.CreateAsync(azurite);
        await harness.Statistics.RecordHostAsync("host-1", "Utrecht", HostStage.Available, None);
        await harness.Statistics.RecordGuestAsync("guest-1", "Utrecht", GuestStage.Waiting, None);

        var sent = await harness.NewJob().ReportAsync(Day, None);

        sent.Should().BeTrue();
        var mail = harness.Mail.Sent.Should().ContainSingle().Subject;
        mail.GetProperty("subject").GetString().Should().Be("Cijfers particuliere opvang 2026-11-21");
        mail.GetProperty("personalizations").EnumerateArray().Select(personalization => personalization.GetProperty("to").GetArrayLength())
            .Should().Equal([1, 1], "each ministry recipient gets a copy without seeing the other addresses");
        var attachment = mail.GetProperty("attachments")[0];
        attachment.GetProperty("filename").GetString().Should().Be("particuliere-opvang-2026-11-21.csv");
        var csv = Encoding.UTF8.GetString(Convert.FromBase64String(attachment.GetProperty("content").GetString()!));
        csv.Should().Contain("2026-11-21,Utrecht,1,1,1,0,0,1,0,0,0,0").And.Contain("2026-11-21,Nederland,1,1,1,0,0,1,0,0,0,0");
        HtmlOf(mail).Should().Contain("Gastgezinnen beschikbaar</td><td>1");
        (await harness.Reports.ReadJsonAsync(Day, None)).Should().Contain("\"hostsAvailable\": 1");
    }

    [Fact]
    public async Task No_name_email_phone_street_or_postcode_appears_in_any_output()
    {
        var harness = await StatisticsHarness.CreateAsync(azurite);
        await harness.Statistics.RecordHostAsync("host-3f2a9c", "Amsterdam", HostStage.Hosting, None);
        await harness.Statistics.RecordGuestAsync("guest-77b1e0", "Amsterdam", GuestStage.Placed, None);

        await harness.NewJob().ReportAsync(Day, None);

        var mail = harness.Mail.Sent.Single();
        var outputs = new[]
        {
            Encoding.UTF8.GetString(Convert.FromBase64String(mail.GetProperty("attachments")[0].GetProperty("content").GetString()!)),
            (await harness.Reports.ReadJsonAsync(Day, None))!,
            HtmlOf(mail),
            mail.GetProperty("content")[0].GetProperty("value").GetString()!,
        };
        foreach (var output in outputs)
        {
            output.Should().NotContain("host-3f2a9c").And.NotContain("guest-77b1e0");
            output.Should().NotContain("@");
            DutchPostcode().IsMatch(output).Should().BeFalse(output);
            PhoneNumber().IsMatch(output).Should().BeFalse(output);
            StreetAddress().IsMatch(output).Should().BeFalse(output);
        }
    }

    [Fact]
    public async Task Small_counts_are_suppressed_when_configured()
    {
        var harness = await StatisticsHarness.CreateAsync(azurite, suppressBelow: 5);
        for (var i = 0; i < 7; i++)
        {
            await harness.Statistics.RecordHostAsync($"host-{i}", "Breda", i < 3 ? HostStage.Available : HostStage.Registered, None);
        }

        await harness.NewJob().ReportAsync(Day, None);

        var csv = Encoding.UTF8.GetString(Convert.FromBase64String(harness.Mail.Sent.Single().GetProperty("attachments")[0].GetProperty("content").GetString()!));
        csv.Should().Contain("2026-11-21,Breda,7,<5,<5,0,0,0,0,0");
        (await harness.Reports.ReadJsonAsync(Day, None)).Should().Contain("\"hostsRegistered\": 7").And.Contain("\"hostsAvailable\": \"<5\"");
    }

    [Fact]
    public async Task Running_twice_for_a_date_sends_once_even_from_two_workers_at_once()
    {
        var harness = await StatisticsHarness.CreateAsync(azurite);
        await harness.Statistics.RecordHostAsync("host-1", "Tilburg", HostStage.Registered, None);

        var concurrent = await Task.WhenAll(harness.NewJob().ReportAsync(Day, None), harness.NewJob().ReportAsync(Day, None));
        var again = await harness.NewJob().RunAsync(Day, None);

        concurrent.Count(sent => sent).Should().Be(1);
        again.Should().BeEmpty();
        harness.Mail.Sent.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_missed_night_is_caught_up_by_the_next_run()
    {
        var harness = await StatisticsHarness.CreateAsync(azurite);
        await harness.Statistics.RecordHostAsync("host-1", "Almere", HostStage.Registered, None);
        await harness.NewJob().RunAsync(Day.AddDays(-3), None);

        var sent = await harness.NewJob().RunAsync(Day, None);

        sent.Should().Equal(Day.AddDays(-2), Day.AddDays(-1), Day);
        harness.Mail.Sent.Select(mail => mail.GetProperty("subject").GetString()).Should().Equal(
            "Cijfers particuliere opvang 2026-11-18", "Cijfers particuliere opvang 2026-11-19", "Cijfers particuliere opvang 2026-11-20",
            "Cijfers particuliere opvang 2026-11-21");
    }

    [Fact]
    public async Task A_claim_left_by_a_run_that_died_is_taken_over_after_its_lease()
    {
        var harness = await StatisticsHarness.CreateAsync(azurite);
        await harness.Runs.AddEntityAsync(new Azure.Data.Tables.TableEntity("run", "2026-11-21") { ["State"] = "Claimed", ["ClaimedAt"] = harness.Clock.GetUtcNow() }, None);

        var whileClaimed = await harness.NewJob().ReportAsync(Day, None);
        harness.Clock.Advance(TimeSpan.FromMinutes(11));
        var afterLease = await harness.NewJob().ReportAsync(Day, None);

        whileClaimed.Should().BeFalse();
        afterLease.Should().BeTrue();
        harness.Mail.Sent.Should().HaveCount(1);
    }

    private static string HtmlOf(System.Text.Json.JsonElement mail) =>
        mail.GetProperty("content").EnumerateArray().Single(part => part.GetProperty("type").GetString() == "text/html").GetProperty("value").GetString()!;

    [GeneratedRegex(@"\b\d{4}\s?[A-Z]{2}\b")]
    private static partial Regex DutchPostcode();

    [GeneratedRegex(@"(\+31|\b0)[1-9](\s?\d){8}\b")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"(straat|laan|weg|plein|gracht)\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex StreetAddress();
}
