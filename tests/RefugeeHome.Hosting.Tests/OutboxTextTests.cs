using AwesomeAssertions;
using Azure.Data.Tables;
using RefugeeHome.Runner.LocalMail;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

public sealed class OutboxTextTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_outbox_keeps_an_email_longer_than_a_table_property_holds_whole()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var table = azurite.Tables().GetTableClient(AzuriteFixture.UniqueName("outbox"));
        await table.CreateIfNotExistsAsync(cancellation);
        var overview = string.Concat(Enumerable.Range(0, 2_000).Select(line => $"<p>Gastgezin {line}: Utrecht, plaats voor 4, score 70 — Taal: +30 / 30</p>\n"));
        var row = new TableEntity("outbox", "busy-round");

        OutboxText.Write(row, "Html", overview);
        await table.AddEntityAsync(row, cancellation);
        var read = OutboxText.Read((await table.GetEntityAsync<TableEntity>("outbox", "busy-round", cancellationToken: cancellation)).Value, "Html");

        overview.Length.Should().BeGreaterThan(32_000, "longer than one table property holds");
        read.Should().Be(overview);
    }

    [Fact]
    public async Task An_email_longer_than_a_row_holds_is_kept_in_part_and_says_so()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var table = azurite.Tables().GetTableClient(AzuriteFixture.UniqueName("outbox"));
        await table.CreateIfNotExistsAsync(cancellation);
        var (html, text) = (new string('h', 600_000), new string('t', 600_000));
        var row = new TableEntity("outbox", "huge");

        OutboxText.Write(row, "Html", html);
        OutboxText.Write(row, "Text", text);
        await table.AddEntityAsync(row, cancellation);
        var read = (await table.GetEntityAsync<TableEntity>("outbox", "huge", cancellationToken: cancellation)).Value;

        OutboxText.Read(read, "Html").Should().StartWith(html[..1_000]).And.EndWith("longer than the local outbox keeps.]");
        OutboxText.Read(read, "Text").Should().HaveLength(OutboxText.Read(read, "Html")!.Length);
    }
}
