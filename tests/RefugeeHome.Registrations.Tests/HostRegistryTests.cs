using AwesomeAssertions;
using Azure.Data.Tables;
using RefugeeHome.Testing;

namespace RefugeeHome.Registrations.Tests;

public sealed class HostRegistryTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Submitting_the_same_form_twice_registers_one_household()
    {
        var registry = await RegistryAsync();
        var registration = Registrations.Valid();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => registry.RegisterAsync(registration, None)));

        results.Select(result => result.HouseholdId).Distinct().Should().ContainSingle();
        results.Count(result => result.Outcome == RegistrationOutcome.Registered).Should().Be(1);
        results.Where(result => result.Outcome != RegistrationOutcome.Registered).Should().AllSatisfy(result => result.Outcome.Should().Be(RegistrationOutcome.SameSubmission));
    }

    [Theory]
    [InlineData("email")]
    [InlineData("phone")]
    [InlineData("address")]
    public async Task A_second_registration_of_the_same_household_finds_the_first_and_flags_it(string sameBy)
    {
        var registry = await RegistryAsync();
        var first = Registrations.Valid();
        var firstResult = await registry.RegisterAsync(first, None);
        var other = Registrations.Valid("en");
        var second = sameBy switch
        {
            "email" => other with { Email = "  " + first.Email.ToUpperInvariant() },
            "phone" => other with { Phone = "+31 6 " + first.Phone[3..] },
            _ => other with { Postcode = "1011ab", HouseNumber = first.HouseNumber.ToUpperInvariant() },
        };

        var result = await registry.RegisterAsync(second, None);

        result.Should().Be(new RegistrationResult(RegistrationOutcome.AlreadyRegistered, firstResult.HouseholdId, HostRegistry.NewStatus));
        (await registry.DuplicateAttemptsAsync(firstResult.HouseholdId, None)).Should().Be(1);
    }

    [Fact]
    public async Task A_household_rejected_in_screening_cannot_register_again_unnoticed()
    {
        var registry = await RegistryAsync();
        var first = await registry.RegisterAsync(Registrations.Valid(), None);
        await registry.SetStatusAsync(first.HouseholdId, "NotSuitable", None);
        var rejected = Registrations.Valid();

        var again = await registry.RegisterAsync(rejected with { Email = (await EmailOfAsync(first.HouseholdId)).ToUpperInvariant() }, None);

        again.Outcome.Should().Be(RegistrationOutcome.AlreadyRegistered);
        again.Status.Should().Be("NotSuitable");
    }

    private TableClient Table => new TableServiceClient(azurite.ConnectionString).GetTableClient("HostRegistrations");

    private async Task<string> EmailOfAsync(string hostId) =>
        (await Table.GetEntityAsync<TableEntity>("hosts", "host|" + hostId, cancellationToken: None)).Value.GetString("Email");

    private async Task<HostRegistry> RegistryAsync()
    {
        var registry = new HostRegistry(new TableServiceClient(azurite.ConnectionString), TimeProvider.System);
        await registry.CreateTableAsync(None);
        return registry;
    }
}
