using EcoEnforce.Data;
using EcoEnforce.Registry;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Complaints;

/// <summary>Imports a 12345 work-order export (.xlsx or .csv). All or nothing, like the registry import: every row is
/// checked first, and if any row has an error nothing is written and every error is listed with its row. Work orders
/// already imported (same channel and 工单编号) are skipped, so the same export can be loaded twice safely.</summary>
public static class ImportComplaints
{
    public sealed record Outcome(int Imported, int Merged, int NeedsReview, int Urgent, int Skipped, IReadOnlyList<ImportEntities.RowError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public sealed class Handler(EcoEnforceDb db, ComplaintIntake intake, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(Stream file, string fileName, ComplaintChannel channel, CancellationToken ct)
        {
            IReadOnlyList<(int RowNumber, IReadOnlyDictionary<int, string> Cells)> rows;
            try
            {
                rows = ComplaintFile.Read(file, fileName);
            }
            catch (ComplaintFileException e)
            {
                return Failed(new ImportEntities.RowError(0, "文件", e.Message));
            }
            if (rows.Count == 0) return Failed(new ImportEntities.RowError(0, "文件", "文件为空，第1行应为列标题"));

            var (headerRow, header) = rows[0];
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (index, text) in header)
            {
                if (ComplaintColumns.Canonical(text) is not { } name) continue;
                if (!columns.TryAdd(name, index)) return Failed(new ImportEntities.RowError(headerRow, text, "列标题重复"));
            }
            var missing = ComplaintColumns.Required.Where(c => !columns.ContainsKey(c[0])).ToList();
            if (missing.Count > 0)
            {
                var garbled = header.Values.Any(ComplaintFile.LooksGarbled);
                return Failed([.. missing.Select(m => new ImportEntities.RowError(headerRow, m[0], garbled
                    ? "列标题是乱码，文件编码可能有误：请另存为 UTF-8 或 GBK 编码的 CSV，或上传 .xlsx"
                    : $"缺少此列（也接受：{string.Join("、", m.Skip(1))}）"))]);
            }
            if (rows.Count == 1) return Failed(new ImportEntities.RowError(0, "文件", "没有数据行"));

            var errors = new List<ImportEntities.RowError>();
            var parsed = new List<Complaint>();
            var numbers = new Dictionary<(ComplaintChannel, string), int>();
            foreach (var (rowNumber, cells) in rows.Skip(1))
            {
                var (complaint, rowErrors) = ComplaintRow.Parse(
                    column => columns.TryGetValue(column, out var i) && cells.TryGetValue(i, out var v) ? v : null, channel);
                errors.AddRange(rowErrors.Select(e => new ImportEntities.RowError(rowNumber, e.Field, e.Message)));
                if (complaint is null) continue;
                if (complaint.ExternalNumber is { } n && !numbers.TryAdd((complaint.Channel, n), rowNumber))
                    errors.Add(new(rowNumber, ComplaintColumns.Number[0], $"与第{numbers[(complaint.Channel, n)]}行重复"));
                else parsed.Add(complaint);
            }
            if (errors.Count > 0) return new Outcome(0, 0, 0, 0, 0, errors);

            var given = parsed.Where(c => c.ExternalNumber is not null).Select(c => c.ExternalNumber!).Distinct().ToList();
            var existing = (await db.Complaints.Where(c => c.ExternalNumber != null && given.Contains(c.ExternalNumber))
                .Select(c => new { c.Channel, c.ExternalNumber }).ToListAsync(ct))
                .Select(c => (c.Channel, c.ExternalNumber!)).ToHashSet();
            var fresh = parsed.Where(c => c.ExternalNumber is null || !existing.Contains((c.Channel, c.ExternalNumber))).ToList();

            await intake.LoadAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var c in fresh)
            {
                intake.Enrich(c);
                c.CreatedAtUtc = now;
            }
            await intake.MergeDuplicatesAsync(fresh, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Complaints.AddRange(fresh);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Outcome(fresh.Count, fresh.Count(c => c.DuplicateOf is not null), fresh.Count(c => c.MatchStatus == MatchStatus.NeedsReview),
                fresh.Count(c => c.IsUrgent), parsed.Count - fresh.Count, []);
        }

        private static Outcome Failed(params ImportEntities.RowError[] errors) => new(0, 0, 0, 0, 0, errors);
    }
}
