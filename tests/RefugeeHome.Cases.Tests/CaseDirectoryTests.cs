using AwesomeAssertions;
using Microsoft.Extensions.Time.Testing;
using RefugeeHome.Testing;

namespace RefugeeHome.Cases.Tests;

public sealed class CaseDirectoryTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("oleksandr")]
    [InlineData("ÖLEKSANDR")]
    [InlineData("Олександр Ко")]
    [InlineData("олександр")]
    [InlineData("sasha.k@EXAMPLE")]
    [InlineData("+31 6 1234")]
    [InlineData("0612345678")]
    [InlineData("06-1234 5678")]
    public async Task A_search_finds_a_household_however_its_name_email_or_phone_is_typed(string typed)
    {
        var (directory, latin, cyrillic) = await DirectoryAsync();

        var found = await directory.SearchAsync(new CaseFilter { Text = typed, IncludeEnded = true }, _ => true, None);

        found.Items.Select(summary => summary.Id).Should().BeSubsetOf([latin, cyrillic]).And.NotBeEmpty();
    }

    [Fact]
    public async Task A_case_number_finds_its_case_and_a_role_sees_only_what_it_may()
    {
        var (directory, latin, cyrillic) = await DirectoryAsync();

        var byNumber = await directory.SearchAsync(new CaseFilter { Text = CaseNumbers.Of(cyrillic).ToLowerInvariant(), IncludeEnded = true }, _ => true, None);
        var hidden = await directory.SearchAsync(new CaseFilter { Text = "oleksandr", IncludeEnded = true }, summary => summary.Id != latin, None);

        byNumber.Items.Select(summary => summary.Id).Should().Equal(cyrillic);
        hidden.Items.Select(summary => summary.Id).Should().NotContain(latin);
    }

    // Two households of one name in two scripts, in an index of their own.
    private async Task<(CaseDirectory Directory, string Latin, string Cyrillic)> DirectoryAsync()
    {
        var index = new CaseIndex(azurite.Tables(), AzuriteFixture.UniqueName("cases"));
        await index.CreateTableAsync(None);
        var (latin, cyrillic) = ($"host-{Guid.NewGuid():N}", $"guest-{Guid.NewGuid():N}");
        var since = DateTimeOffset.UtcNow;
        await index.RecordAsync(latin, _ => new CaseSummary(latin, CaseKind.Host, "Screening", "screener", since, null)
        {
            Name = "Öleksandr Kovalenko", Email = "Sasha.K@example.org", Phone = "+31 6 12345678", Municipality = "Utrecht", Province = "Utrecht",
        }, None);
        await index.RecordAsync(cyrillic, _ => new CaseSummary(cyrillic, CaseKind.Guest, "Waiting", "matcher", since, null)
        {
            Name = "Олександр Коваленко", Municipality = "Zwolle", Province = "Overijssel", Ended = true,
        }, None);
        return (new CaseDirectory(index, new CaseDirectoryOptions(), new FakeTimeProvider(since)), latin, cyrillic);
    }
}
