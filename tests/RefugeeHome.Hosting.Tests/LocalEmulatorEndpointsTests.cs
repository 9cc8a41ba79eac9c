using AwesomeAssertions;
using RefugeeHome.Hosting.LocalStorage;

namespace RefugeeHome.Hosting.Tests;

public sealed class LocalEmulatorEndpointsTests
{
    [Fact]
    public void Development_storage_means_the_default_emulator_ports() =>
        LocalEmulatorEndpoints.TryParse("UseDevelopmentStorage=true").Should().Be(new LocalEmulatorEndpoints(10000, 10001, 10002));

    [Fact]
    public void Explicit_loopback_endpoints_give_their_ports() =>
        LocalEmulatorEndpoints.TryParse(AzuriteProcess.ConnectionStringFor(41000, 41001, 41002))
            .Should().Be(new LocalEmulatorEndpoints(41000, 41001, 41002));

    [Fact]
    public void A_cloud_account_is_not_a_local_emulator() =>
        LocalEmulatorEndpoints.TryParse(
                "DefaultEndpointsProtocol=https;AccountName=refugeehome;AccountKey=a2V5;EndpointSuffix=core.windows.net")
            .Should().BeNull();
}
