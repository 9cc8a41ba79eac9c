using Azure.Data.Tables;
using AwesomeAssertions;
using RefugeeHome.Testing;

namespace RefugeeHome.Hosting.Tests;

public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Writes_and_reads_a_table_entity()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var table = azurite.Tables().GetTableClient(AzuriteFixture.UniqueName("fixture"));
        await table.CreateIfNotExistsAsync(cancellation);

        await table.AddEntityAsync(new TableEntity("partition", "row") { ["Municipality"] = "Zaanstad" }, cancellation);
        var read = await table.GetEntityAsync<TableEntity>("partition", "row", cancellationToken: cancellation);

        read.Value.GetString("Municipality").Should().Be("Zaanstad");
        read.Value.ETag.ToString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Writes_and_reads_a_blob()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var container = azurite.Blobs().GetBlobContainerClient(AzuriteFixture.UniqueName("fixture"));
        await container.CreateIfNotExistsAsync(cancellationToken: cancellation);

        await container.GetBlobClient("report.csv").UploadAsync(BinaryData.FromString("municipality,count\nRotterdam,3\n"), cancellation);
        var content = await container.GetBlobClient("report.csv").DownloadContentAsync(cancellation);

        content.Value.Content.ToString().Should().Be("municipality,count\nRotterdam,3\n");
    }

    [Fact]
    public void Listens_only_on_loopback_ports_of_its_own()
    {
        azurite.ConnectionString.Should().Contain($"TableEndpoint=http://127.0.0.1:{azurite.Azurite.TablePort}/");
        azurite.Azurite.TablePort.Should().NotBe(10002, "a test run must not collide with a developer's own emulator");
    }
}
