using EcoEnforce.Common;
using EcoEnforce.Common.Excel;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Reports;

/// <summary>Filling in and exporting 附表1. A unit lists its 分管负责人 and 联络员 for the year; the bureau exports every
/// unit's lines in the form's layout.</summary>
public static class Roster
{
    public sealed record Command(int Year, int DepartmentId, RosterRole Role, string Name, string Post, string Phone);

    public static readonly IReadOnlyDictionary<RosterRole, string> Roles = new Dictionary<RosterRole, string>
    {
        [RosterRole.Leader] = "分管负责人",
        [RosterRole.Liaison] = "联络员",
    };

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock)
    {
        public async Task<Result<int>> AddAsync(Command c, CancellationToken ct)
        {
            var errors = new List<FieldError>();
            if (c.Year is < 2000 or > 2100) errors.Add(new("Year", "年度无效"));
            if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(new("Name", "请填写姓名"));
            if (string.IsNullOrWhiteSpace(c.Post)) errors.Add(new("Post", "请填写职务"));
            if (!ReportRules.IsPhone(c.Phone)) errors.Add(new("Phone", "联系电话格式不正确"));
            if (!await db.Departments.AnyAsync(d => d.Id == c.DepartmentId, ct)) errors.Add(new("DepartmentId", "单位不存在"));
            if (errors.Count > 0) return Result<int>.Fail(errors);
            var entry = new RosterEntry
            {
                Year = c.Year, DepartmentId = c.DepartmentId, Role = c.Role, Name = c.Name.Trim(), Post = c.Post.Trim(), Phone = c.Phone!.Trim(),
                UpdatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.RosterEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(entry.Id);
        }

        public async Task<bool> RemoveAsync(int id, CancellationToken ct)
        {
            var entry = await db.RosterEntries.FirstOrDefaultAsync(e => e.Id == id, ct);
            if (entry is null) return false;
            db.RosterEntries.Remove(entry);
            await db.SaveChangesAsync(ct);
            return true;
        }
    }

    public static Task<List<RosterEntry>> ListAsync(EcoEnforceDb db, int year, int? departmentId, CancellationToken ct) =>
        db.RosterEntries.AsNoTracking().Include(e => e.Department)
            .Where(e => e.Year == year && (departmentId == null || e.DepartmentId == departmentId))
            .OrderBy(e => e.Department!.SortOrder).ThenBy(e => e.Role).ThenBy(e => e.Id)
            .ToListAsync(ct);

    /// <summary>附表1 as the paper form: title, 填报单位, the five columns, and the 填报时间/填报人/联系电话 line.</summary>
    public static void WriteXlsx(Stream output, string reportingUnit, IReadOnlyList<RosterEntry> entries, string? filedBy, DateOnly filedOn)
    {
        static XlsxCell H(string text) => new(text, CellStyle.Header);
        static XlsxCell B(object? value) => new(value);
        var sheet = new XlsxSheet("附表1") { Landscape = false };
        sheet.ColumnWidths.AddRange([8, 14, 34, 22, 18]);
        sheet.Row(new XlsxCell("单位分管负责人和联络员名单", CellStyle.Title));
        sheet.Merges.Add("A1:E1");
        sheet.Row(new XlsxCell($"填报单位：{reportingUnit}", CellStyle.Note));
        sheet.Merges.Add("A2:E2");
        sheet.Row(H("序号"), H("姓  名"), H("单  位"), H("职  务"), H("联系电话"));
        var n = 0;
        foreach (var e in entries) sheet.Row(B(++n), B(e.Name), B(e.Department?.Name), B($"{e.Post}（{Roles[e.Role]}）"), B(e.Phone));
        for (var i = entries.Count; i < 3; i++) sheet.Row(B(null), B(null), B(null), B(null), B(null)); // the form's empty lines
        var r = sheet.Rows.Count + 1;
        sheet.Row(new XlsxCell($"填报时间：{filedOn:yyyy年M月d日}　　填报人：{filedBy}　　联系电话：", CellStyle.Note));
        sheet.Merges.Add($"A{r}:E{r}");
        XlsxWriter.Write(output, sheet);
    }
}
