using AwesomeAssertions;
using Microsoft.Extensions.Configuration;
using RefugeeHome.Hosting.Configuration;

namespace RefugeeHome.Hosting.Tests;

public sealed class LocalSettingsConfigurationTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"local.settings.{Guid.NewGuid():N}.json");

    [Fact]
    public void Maps_double_underscores_to_sections_like_environment_variables_do()
    {
        File.WriteAllText(_file, """
            {
              "IsEncrypted": false,
              "Values": {
                "AzureWebJobsStorage": "UseDevelopmentStorage=true",
                "Runner__Port": "7072",
              }
            }
            """);

        var configuration = new ConfigurationBuilder().AddLocalSettingsFile(_file).Build();

        configuration["AzureWebJobsStorage"].Should().Be("UseDevelopmentStorage=true");
        configuration["Runner:Port"].Should().Be("7072");
        configuration["IsEncrypted"].Should().BeNull("only the Values section holds settings");
    }

    [Fact]
    public void A_source_added_later_wins_over_the_file()
    {
        File.WriteAllText(_file, """{ "Values": { "Runner__Port": "7072" } }""");

        var configuration = new ConfigurationBuilder()
            .AddLocalSettingsFile(_file)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Runner:Port"] = "8080" })
            .Build();

        configuration["Runner:Port"].Should().Be("8080");
    }

    [Fact]
    public void A_missing_file_adds_nothing()
    {
        var configuration = new ConfigurationBuilder().AddLocalSettingsFile(_file).Build();

        configuration.AsEnumerable().Should().BeEmpty();
    }

    public void Dispose() => File.Delete(_file);
}
