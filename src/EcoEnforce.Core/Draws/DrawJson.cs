using System.Text.Json;

namespace EcoEnforce.Draws;

/// <summary>The frozen input and the outcome as stored on a draw (camelCase JSON, Chinese unescaped).</summary>
public static class DrawJson
{
    public sealed record StoredInput(DrawRules Rules, IReadOnlyList<PoolObject> Pool, IReadOnlyList<PoolInspector> Inspectors);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, DrawRuleSpec.Json);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, DrawRuleSpec.Json)
        ?? throw new JsonException($"empty {typeof(T).Name}");
}
