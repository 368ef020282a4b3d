using EcoEnforce.Common.Excel;
using EcoEnforce.Data;
using EcoEnforce.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Registry;

/// <summary>Imports the registry from the Excel template. All or nothing: every row is checked first, and if any
/// row has an error nothing is written and every error is returned with its row and column. A row whose credit
/// code is already registered updates that entity.</summary>
public static class ImportEntities
{
    public sealed record RowError(int Row, string Column, string Message)
    {
        public override string ToString() => Row > 0 ? $"第{Row}行“{Column}”：{Message}" : $"“{Column}”：{Message}";
    }

    public sealed record Outcome(int Created, int Updated, IReadOnlyList<RowError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(Stream xlsx, IProgress<string>? progress, CancellationToken ct)
        {
            IReadOnlyList<(int RowNumber, IReadOnlyDictionary<int, string> Cells)> rows;
            try
            {
                rows = XlsxReader.ReadFirstSheet(xlsx);
            }
            catch (XlsxFormatException e)
            {
                return Failed(new RowError(0, "文件", e.Message));
            }
            if (rows.Count == 0) return Failed(new RowError(0, "文件", "工作表为空，第1行应为列标题"));

            var (headerRow, header) = rows[0];
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (index, text) in header)
            {
                var name = text.Trim().TrimEnd('*');
                if (!columns.TryAdd(name, index))
                    return Failed(new RowError(headerRow, name, "列标题重复"));
            }
            var missing = RegistryColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
            if (missing.Count > 0)
                return Failed([.. missing.Select(m => new RowError(headerRow, m, "缺少此列，请使用下载的模板"))]);
            if (rows.Count == 1) return Failed(new RowError(0, "文件", "没有数据行"));

            var townships = await db.Departments.AsNoTracking()
                .Where(d => d.Kind == DepartmentKind.Township || d.Kind == DepartmentKind.Street)
                .ToDictionaryAsync(d => d.Name, ct);
            var errors = new List<RowError>();
            var parsed = new List<(int Row, Enterprise Entity)>();
            var seenCodes = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (rowNumber, cells) in rows.Skip(1))
            {
                var (entity, rowErrors) = RegistryRow.Parse(
                    column => columns.TryGetValue(column, out var i) && cells.TryGetValue(i, out var v) ? v : null, townships);
                errors.AddRange(rowErrors.Select(e => new RowError(rowNumber, e.Field, e.Message)));
                if (entity is null) continue;
                if (seenCodes.TryGetValue(entity.CreditCode, out var firstRow))
                    errors.Add(new RowError(rowNumber, RegistryColumns.CreditCode, $"与第{firstRow}行重复"));
                else
                {
                    seenCodes[entity.CreditCode] = rowNumber;
                    parsed.Add((rowNumber, entity));
                }
            }
            if (errors.Count > 0) return new Outcome(0, 0, errors);

            progress?.Report($"校验通过，写入{parsed.Count}行");
            var codes = parsed.Select(p => p.Entity.CreditCode).ToList();
            var existing = await db.Enterprises.Include(e => e.PositiveListEntries)
                .Where(e => codes.Contains(e.CreditCode)).ToDictionaryAsync(e => e.CreditCode, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var created = 0;
            foreach (var (_, incoming) in parsed)
            {
                if (existing.TryGetValue(incoming.CreditCode, out var current))
                {
                    CopyInto(incoming, current);
                    current.UpdatedAtUtc = now;
                }
                else
                {
                    incoming.CreatedAtUtc = incoming.UpdatedAtUtc = now;
                    db.Enterprises.Add(incoming);
                    created++;
                }
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Outcome(created, parsed.Count - created, []);
        }

        private static Outcome Failed(params RowError[] errors) => new(0, 0, errors);

        private static void CopyInto(Enterprise from, Enterprise to)
        {
            to.CopyFieldsFrom(from);
            // The file carries one positive-list period; add it unless the entity already has that exact period.
            foreach (var entry in from.PositiveListEntries)
            {
                if (!to.PositiveListEntries.Any(p => p.From == entry.From && p.To == entry.To))
                    to.PositiveListEntries.Add(entry);
            }
        }
    }
}
