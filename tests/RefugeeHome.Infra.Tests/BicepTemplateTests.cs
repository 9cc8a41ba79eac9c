using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using RefugeeHome.Hosting.LocalStorage;

namespace RefugeeHome.Infra.Tests;

public sealed class BicepTemplateTests
{
    private static readonly string Template = Path.Combine(RepositoryRoot.Find(), "infra", "main.bicep");

    [Fact]
    public async Task The_template_lints_clean()
    {
        var (exitCode, output) = await BicepAsync("lint", Template);

        exitCode.Should().Be(0, output);
        output.Should().NotContain("Warning").And.NotContain("Error");
    }

    [Fact]
    public async Task Storage_allows_no_shared_keys_and_no_public_blobs()
    {
        var storage = Resource(await CompiledAsync(), "Microsoft.Storage/storageAccounts")["properties"]!;

        storage["allowSharedKeyAccess"]!.GetValue<bool>().Should().BeFalse();
        storage["allowBlobPublicAccess"]!.GetValue<bool>().Should().BeFalse();
        storage["minimumTlsVersion"]!.GetValue<string>().Should().Be("TLS1_2");
    }

    [Fact]
    public async Task Every_container_is_private()
    {
        var containers = Resource(await CompiledAsync(), "Microsoft.Storage/storageAccounts/blobServices/containers");

        containers["properties"]!["publicAccess"]!.GetValue<string>().Should().Be("None");
    }

    [Fact]
    public async Task The_app_reaches_storage_with_its_managed_identity_and_no_connection_string()
    {
        var template = await CompiledAsync();
        var settings = Resource(template, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(setting => setting!["name"]!.GetValue<string>(), setting => setting!["value"]!.ToJsonString());

        settings.Keys.Should().Contain(["AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId"]);
        settings.Keys.Should().NotContain("AzureWebJobsStorage");
        template.ToJsonString().Should().NotContain("AccountKey").And.NotContain("listKeys");
    }

    [Fact]
    public async Task Every_secret_the_app_reads_is_a_Key_Vault_reference()
    {
        var template = await CompiledAsync();
        var settings = Resource(template, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(setting => setting!["name"]!.GetValue<string>(), setting => setting!["value"]!.ToJsonString());

        foreach (var secret in new[] { "SendGrid__ApiKey", "Statistics__ApiKey", "Approvals__SigningKey", "Coordinator__ApiKey" })
        {
            settings[secret].Should().Contain("@Microsoft.KeyVault(", secret);
        }

        settings.Keys.Should().Contain(["Approvals__BaseUrl", "Workflows__ScreenerEmail", "Workflows__SupervisorEmail"]);
    }

    [Fact]
    public async Task Staff_sign_in_with_Entra_ID_while_households_and_email_links_need_no_account()
    {
        var template = await CompiledAsync();
        var auth = template["resources"]!.AsArray().Select(resource => resource!)
            .Single(resource => resource["type"]!.GetValue<string>() == "Microsoft.Web/sites/config")["properties"]!;
        var settings = AppSettings(template);
        var entra = auth["identityProviders"]!["azureActiveDirectory"]!;

        auth["platform"]!["enabled"]!.GetValue<bool>().Should().BeTrue();
        auth["globalValidation"]!["unauthenticatedClientAction"]!.GetValue<string>().Should().Be("AllowAnonymous");
        auth["globalValidation"]!["requireAuthentication"]!.GetValue<bool>().Should().BeFalse();
        entra["enabled"]!.GetValue<bool>().Should().BeTrue();
        entra["registration"]!["clientId"]!.ToJsonString().Should().Contain("staffSignInClientId");
        var secretSetting = entra["registration"]!["clientSecretSettingName"]!.ToJsonString();
        settings.Should().ContainKey("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET").WhoseValue.Should().Contain("@Microsoft.KeyVault(");
        secretSetting.Should().Contain("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET");
        settings["Staff__SignIn"].Should().Be("\"AppService\"", "Azure never has the development sign-in");
        settings["Limits__ClientAddressHeader"].Should().Be("\"X-Forwarded-For\"", "every request reaches the worker from the Functions host, so the client is the front end's last forwarded address");
    }

    [Fact]
    public void The_app_registration_defines_the_six_staff_roles()
    {
        var roles = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "infra", "staff-app-roles.json")))!.AsArray();

        roles.Select(role => role!["value"]!.GetValue<string>()).Should()
            .BeEquivalentTo(["screener", "matcher", "connector", "supporter", "coordinator", "caseworker"]);
        roles.Select(role => role!["id"]!.GetValue<string>()).Should().OnlyHaveUniqueItems();
        roles.Should().AllSatisfy(role => role!["allowedMemberTypes"]!.AsArray().Select(type => type!.GetValue<string>()).Should().Equal("User"));
    }

    [Fact]
    public async Task Durable_Functions_reaches_its_task_hub_in_blobs_queues_and_tables_with_the_identity()
    {
        var template = await CompiledAsync();
        var settings = AppSettings(template);
        var roles = template["resources"]!.AsArray().Select(resource => resource!)
            .Where(resource => resource["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments")
            .Select(resource => resource["properties"]!["roleDefinitionId"]!.ToJsonString()).ToList();
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "host.json")))!;

        settings.Keys.Should().Contain(["AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri", "TaskHubName"]);
        settings["AzureWebJobsStorage__queueServiceUri"].Should().Contain("primaryEndpoints").And.Contain("queue");
        hostJson["extensions"]!["durableTask"]!["hubName"]!.GetValue<string>().Should().Be("%TaskHubName%", "the hub's name comes from the app setting");
        foreach (var (role, id) in new[]
        {
            ("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"),
            ("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88"),
            ("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"),
        })
        {
            // The compiled template names each role's id by a variable, which the identity's assignments use.
            var variable = template["variables"]!.AsObject().Single(entry => entry.Value is JsonValue value && value.ToString() == id).Key;
            roles.Should().Contain(definition => definition.Contains($"variables(\\u0027{variable}\\u0027)", StringComparison.Ordinal), role);
        }
    }

    [Fact]
    public async Task Azd_deploys_the_Functions_app_to_the_tagged_app_with_every_required_parameter_given()
    {
        var root = RepositoryRoot.Find();
        var template = await CompiledAsync();
        var azureYaml = File.ReadAllText(Path.Combine(root, "azure.yaml"));
        var given = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "infra", "main.parameters.json")))!["parameters"]!.AsObject().Select(parameter => parameter.Key).ToList();
        var parameters = template["parameters"]!.AsObject();

        azureYaml.Should().Contain("project: functions/RefugeeHome.Functions").And.Contain("host: function");
        File.Exists(Path.Combine(root, "functions", "RefugeeHome.Functions", "RefugeeHome.Functions.csproj")).Should().BeTrue();
        Resource(template, "Microsoft.Web/sites")["tags"]!["azd-service-name"]!.GetValue<string>().Should().Be("api");
        given.Should().BeSubsetOf(parameters.Select(parameter => parameter.Key));
        parameters.Where(parameter => parameter.Value!["defaultValue"] is null).Select(parameter => parameter.Key).Should().BeSubsetOf(given);
    }

    private static Dictionary<string, string> AppSettings(JsonNode template) =>
        Resource(template, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(setting => setting!["name"]!.GetValue<string>(), setting => setting!["value"]!.ToJsonString());

    private static JsonNode Resource(JsonNode template, string type) =>
        template["resources"]!.AsArray().Select(resource => resource!).First(resource => resource["type"]!.GetValue<string>() == type);

    private static async Task<JsonNode> CompiledAsync()
    {
        var (exitCode, output) = await BicepAsync("build", Template, "--stdout");
        exitCode.Should().Be(0, output);
        return JsonNode.Parse(output)!;
    }

    private static async Task<(int ExitCode, string Output)> BicepAsync(params string[] arguments)
    {
        var bicep = typeof(BicepTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "BicepPath").Value!;
        var start = new ProcessStartInfo(bicep) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }
}
