using System.Text.Json;
using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring.Comparison;

/// <summary>Stores a platform export or analyzer sheet for one outlet: all of it or, on any bad row, none of it.
/// A value for a time already imported from the same source is replaced (a corrected export); one audit entry records
/// who imported what.</summary>
public sealed class ImportComparison(EcoEnforceDb db, TimeProvider clock, IActor actor)
{
    public async Task<Result<int>> ImportAsync(int pointId, ComparisonSource source, ReadingKind kind, string fileName, Stream content, CancellationToken ct)
    {
        if (kind is not (ReadingKind.Minute or ReadingKind.Hour)) return Result<int>.Fail("Kind", "只能导入分钟或小时数据");
        if (!Enum.IsDefined(source)) return Result<int>.Fail("Source", "请选择数据来源");
        if (!await db.MonitoringPoints.AnyAsync(p => p.Id == pointId, ct)) return Result<int>.Fail("Point", "监测排口不存在");
        var parsed = ComparisonTable.Read(fileName, content, kind);
        if (parsed.Errors.Count > 0) return Result<int>.Fail([.. parsed.Errors.Select(e => new FieldError("File", e))]);
        if (parsed.Values.Count == 0) return Result<int>.Fail("File", "文件中没有数据行");

        var (from, to) = (parsed.Values.Min(v => v.DataTimeUtc), parsed.Values.Max(v => v.DataTimeUtc));
        var codes = parsed.Values.Select(v => v.PollutantCode).Distinct().ToList();
        var existing = (await db.ComparisonReadings
                .Where(r => r.MonitoringPointId == pointId && r.Source == source && r.Kind == kind && codes.Contains(r.PollutantCode)
                    && r.DataTimeUtc >= from && r.DataTimeUtc <= to)
                .ToListAsync(ct))
            .ToDictionary(r => (r.PollutantCode, r.DataTimeUtc));
        var now = clock.GetUtcNow().UtcDateTime;
        var replaced = 0;
        foreach (var v in parsed.Values)
        {
            if (existing.TryGetValue((v.PollutantCode, v.DataTimeUtc), out var known))
            {
                (known.Value, known.ImportedAtUtc, known.ImportedBy) = (v.Amount, now, actor.Name);
                replaced++;
            }
            else
                db.ComparisonReadings.Add(new ComparisonReading
                {
                    MonitoringPointId = pointId, Source = source, Kind = kind, PollutantCode = v.PollutantCode, DataTimeUtc = v.DataTimeUtc,
                    Value = v.Amount, ImportedAtUtc = now, ImportedBy = actor.Name,
                });
        }
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = now, Actor = actor.Name, Action = "Import", EntityType = nameof(ComparisonReading), EntityKey = $"{pointId}",
            After = JsonSerializer.Serialize(new
            {
                source = source.ToString(), kind = kind.ToString(), file = fileName, values = parsed.Values.Count, replaced,
                from = ChinaTime.Format(from), to = ChinaTime.Format(to), codes,
            }),
        });
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(parsed.Values.Count);
    }
}
