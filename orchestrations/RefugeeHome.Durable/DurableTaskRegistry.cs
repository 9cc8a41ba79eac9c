using System.Text.Json;

namespace RefugeeHome.Durable;

/// <summary>Orchestrators and activities by name. Inputs and outputs travel as JSON.</summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<string, Func<TaskOrchestrationContext, string?, Task<string?>>> _orchestrators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<TaskActivityContext, string?, Task<string?>>> _activities = new(StringComparer.Ordinal);

    /// <summary>Creates a registry that serializes payloads with <paramref name="serializerOptions"/>.</summary>
    public DurableTaskRegistry(JsonSerializerOptions? serializerOptions = null) =>
        Payloads = new PayloadSerializer(serializerOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web));

    internal PayloadSerializer Payloads { get; }

    /// <summary>Registers an orchestrator function under <paramref name="name"/>.</summary>
    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(
        string name, Func<TaskOrchestrationContext, TInput?, Task<TOutput>> orchestrator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(orchestrator);
        _orchestrators.Add(name, async (context, input) =>
            Payloads.Serialize(await orchestrator(context, Payloads.Deserialize<TInput>(input))));
        return this;
    }

    /// <summary>Registers an activity function under <paramref name="name"/>.</summary>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(
        string name, Func<TaskActivityContext, TInput?, Task<TOutput>> activity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(activity);
        _activities.Add(name, async (context, input) =>
            Payloads.Serialize(await activity(context, Payloads.Deserialize<TInput>(input))));
        return this;
    }

    internal bool TryGetOrchestrator(string name, out Func<TaskOrchestrationContext, string?, Task<string?>> orchestrator) =>
        _orchestrators.TryGetValue(name, out orchestrator!);

    internal bool TryGetActivity(string name, out Func<TaskActivityContext, string?, Task<string?>> activity) =>
        _activities.TryGetValue(name, out activity!);
}
