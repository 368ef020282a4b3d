using System.Text.Json;
using EcoEnforce.Draws;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EcoEnforce.Auditing;

/// <summary>Checks stored draws against the chain: replays the chained 新增/修改/删除 entries of each draw into the
/// values the row must hold now, then compares them with the row, column by column. Once the chain is intact, a draw
/// whose pool, seed or result was edited, a draw deleted without an entry, or one inserted behind the application's
/// back all show. Draws need no chain of their own: their history already is in the audit chain.</summary>
public sealed class DrawRecordCheck(IEntityType drawType)
{
    private readonly Dictionary<string, Dictionary<string, JsonElement>?> _replayed = new(StringComparer.Ordinal);

    public void Apply(AuditEntry entry)
    {
        if (entry.EntityType != nameof(Draw)) return;
        switch (entry.Action)
        {
            case "新增":
                _replayed[entry.EntityKey] = Parse(entry.After);
                break;
            case "修改" when _replayed.TryGetValue(entry.EntityKey, out var values) && values is not null:
                foreach (var (name, value) in Parse(entry.After)) values[name] = value;
                break;
            case "删除":
                _replayed[entry.EntityKey] = null;
                break;
        }
    }

    /// <summary>The differences, at most <paramref name="limit"/>, between the stored draws and the replayed ones.</summary>
    public IReadOnlyList<string> Compare(IEnumerable<Draw> stored, int limit = 20)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var properties = drawType.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
        foreach (var draw in stored)
        {
            var key = draw.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            seen.Add(key);
            if (!_replayed.TryGetValue(key, out var values) || values is null)
            {
                problems.Add(values is null && _replayed.ContainsKey(key)
                    ? $"抽查记录 #{key}（{draw.Title}）在审计链中已删除，却仍在数据库中"
                    : $"抽查记录 #{key}（{draw.Title}）在审计链中没有新增记录：可能绕过系统直接写入");
                continue;
            }
            // The seed is masked in the trail (secret until execution): it must still match its chained commitment.
            var changed = properties.Where(p => p.Name == nameof(Draw.Seed)
                    ? !SeedMatches(draw.Seed, values.GetValueOrDefault(nameof(Draw.SeedSha256)))
                    : !Same(p.PropertyInfo!.GetValue(draw), values.GetValueOrDefault(p.Name)))
                .Select(p => p.Name).ToList();
            if (changed.Count > 0)
                problems.Add($"抽查记录 #{key}（{draw.Title}）的 {string.Join("、", changed)} 与审计链记载的不一致：记录被直接改动");
        }
        foreach (var (key, values) in _replayed)
            if (values is not null && !seen.Contains(key))
                problems.Add($"抽查记录 #{key} 在审计链中存在，却已从数据库中删除");
        return [.. problems.Take(limit)];
    }

    private static bool SeedMatches(string seed, JsonElement recordedSha256)
    {
        try
        {
            return recordedSha256.ValueKind == JsonValueKind.String && string.Equals(recordedSha256.GetString(),
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(seed))), StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool Same(object? current, JsonElement recorded)
    {
        if (recorded.ValueKind == JsonValueKind.Undefined) return false;
        if (current is DateTime time)
            // PostgreSQL keeps microseconds, the snapshot was taken from .NET's 100 ns ticks.
            return recorded.ValueKind == JsonValueKind.String && recorded.TryGetDateTime(out var at)
                && AuditHash.FormatTime(at) == AuditHash.FormatTime(time);
        return JsonElement.DeepEquals(JsonSerializer.SerializeToElement(current, SnapshotJson), recorded);
    }

    private static Dictionary<string, JsonElement> Parse(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];

    private static readonly JsonSerializerOptions SnapshotJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
