using System.Text.Json;

namespace RefugeeHome.Durable;

/// <summary>Turns inputs, outputs and event payloads into JSON text and back.</summary>
internal sealed class PayloadSerializer(JsonSerializerOptions options)
{
    public JsonSerializerOptions Options => options;

    public string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), options);

    public T? Deserialize<T>(string? json) =>
        json is null ? default : JsonSerializer.Deserialize<T>(json, options);
}
