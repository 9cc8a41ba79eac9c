using System.Text.Json;
using RefugeeHome.Hosting.LocalStorage;

namespace RefugeeHome.Functions.Tests;

/// <summary>A function of the Functions app as its build describes it in <c>functions.metadata</c>: its name and its trigger.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="Trigger">The trigger's binding type, for example <c>httpTrigger</c>.</param>
/// <param name="Route">An HTTP trigger's route.</param>
/// <param name="Methods">An HTTP trigger's methods, upper case.</param>
internal sealed record FunctionTrigger(string Name, string Trigger, string? Route, IReadOnlyList<string> Methods)
{
    /// <summary>The built app's <c>functions.metadata</c>, from the build of the same configuration as these tests.</summary>
    public static string MetadataPath
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            return Path.Combine(RepositoryRoot.Find(), "functions", "RefugeeHome.Functions", "bin", configuration, "net10.0", "functions.metadata");
        }
    }

    /// <summary>Every function of the built app.</summary>
    public static IReadOnlyList<FunctionTrigger> ReadAll()
    {
        var path = MetadataPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Functions app's build wrote no {path}; build functions/RefugeeHome.Functions first.", path);
        }

        using var metadata = JsonDocument.Parse(File.ReadAllText(path));
        return metadata.RootElement.EnumerateArray().Select(function =>
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(binding => binding.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new FunctionTrigger(
                function.GetProperty("name").GetString()!,
                trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("route", out var route) ? route.GetString() : null,
                trigger.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(method => method.GetString()!.ToUpperInvariant()).ToList() : []);
        }).ToList();
    }
}
