using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Places;

/// <summary>考点周边噪声管控 for one exam (a label such as 高考 in a year): the noise sources within 300 m of each venue —
/// construction sites whose works overlap the exam days first, then other entities — and a night patrol rota for every
/// night of the period, from the eve of the first exam day to the last exam day, 22:00–06:00.</summary>
public sealed class ExamProtection(EcoEnforceDb db, ZoneQuery zones)
{
    public const int TeamSize = 2;

    public sealed record Source(ZoneEntity Zone, bool ConstructionDuringExam);

    public sealed record Officer(int Id, string Name, string Department)
    {
        public override string ToString() => $"{Name}（{Department}）";
    }

    public sealed record Night(DateOnly Evening, IReadOnlyList<Officer> Team, IReadOnlyList<string> Venues);

    public sealed record Exam(string Label, DateOnly Start, DateOnly End, IReadOnlyList<Place> Venues, IReadOnlyList<Source> Sources, IReadOnlyList<Night> Nights);

    /// <summary>Every exam (by label and dates) held in <paramref name="year"/>, with its venues, sources and rota.</summary>
    public async Task<IReadOnlyList<Exam>> ForYearAsync(int year, CancellationToken ct)
    {
        var venues = await db.Places.AsNoTracking().Include(p => p.ActivePeriods)
            .Where(p => p.Kind == PlaceKind.ExamVenue).OrderBy(p => p.Name).ToListAsync(ct);
        var exams = venues.SelectMany(v => v.ActivePeriods.Where(a => a.Start.Year == year).Select(a => (a.Label, a.Start, a.End, Venue: v)))
            .GroupBy(x => (x.Label, x.Start, x.End)).OrderBy(g => g.Key.Start).ToList();
        if (exams.Count == 0) return [];
        var inZones = await zones.ListAsync(new ZoneCriteria(PlaceKind.ExamVenue, ZoneDefaults.Metres(PlaceKind.ExamVenue)), ct);
        var officers = await db.Inspectors.AsNoTracking().Include(i => i.Department)
            .Where(i => i.IsActive).OrderBy(i => i.DepartmentId).ThenBy(i => i.Id).ToListAsync(ct);

        var result = new List<Exam>();
        foreach (var exam in exams)
        {
            var (label, start, end) = exam.Key;
            var examVenues = exam.Select(x => x.Venue).ToList();
            var venueIds = examVenues.Select(v => v.Id).ToHashSet();
            var sources = inZones.Where(z => venueIds.Contains(z.Nearest.Id))
                .Select(z => new Source(z, z.Entity.IsConstructionSite
                    && (z.Entity.ConstructionStart is not { } from || from <= end) && (z.Entity.ConstructionEnd is not { } to || to >= start)))
                .OrderByDescending(s => s.ConstructionDuringExam).ThenBy(s => s.Zone.Nearest.Name, StringComparer.Ordinal).ThenBy(s => s.Zone.DistanceMetres)
                .ToList();
            var eligible = officers.Where(o => o.HasValidCertificateOn(start) && o.HasValidCertificateOn(end)).ToList();
            result.Add(new Exam(label, start, end, examVenues, sources, Rota(start, end, eligible, examVenues)));
        }
        return result;
    }

    /// <summary>One team a night, officers taken in turn so the load is even and no one works two nights running
    /// while others are free; each team covers every venue that night (a district has a handful).</summary>
    internal static IReadOnlyList<Night> Rota(DateOnly start, DateOnly end, IReadOnlyList<Organisation.Inspector> officers, IReadOnlyList<Place> venues)
    {
        var nights = new List<Night>();
        var next = 0;
        for (var evening = start.AddDays(-1); evening < end; evening = evening.AddDays(1))
        {
            var team = new List<Officer>();
            for (var k = 0; k < TeamSize && officers.Count > 0 && team.Count < officers.Count; k++)
            {
                var o = officers[next++ % officers.Count];
                team.Add(new Officer(o.Id, o.Name, o.Department?.Name ?? ""));
            }
            nights.Add(new Night(evening, team, [.. venues.Select(v => v.Name)]));
        }
        return nights;
    }

    /// <summary>The list and the rota as a workbook to print and hand out before the exams.</summary>
    public static void WriteXlsx(Stream output, Exam exam)
    {
        var sources = new Common.Excel.XlsxSheet("噪声源清单") { Landscape = true, FrozenRows = 2 };
        sources.ColumnWidths.AddRange([6, 22, 34, 12, 14, 30, 12]);
        sources.Row(new Common.Excel.XlsxCell($"{exam.Label}（{exam.Start:yyyy年M月d日}—{exam.End:M月d日}）考点周边300米噪声源清单", Common.Excel.CellStyle.Title));
        sources.Merges.Add("A1:G1");
        sources.Row([.. new[] { "序号", "考点", "单位或工地", "类型", "距离（米）", "地址", "所属镇街" }.Select(h => new Common.Excel.XlsxCell(h, Common.Excel.CellStyle.Header))]);
        var n = 0;
        foreach (var s in exam.Sources)
            sources.Row(new(++n), new(s.Zone.Nearest.Name), new(s.Zone.Entity.Name), new(s.ConstructionDuringExam ? "施工工地（考试期间施工）" : s.Zone.Entity.IsConstructionSite ? "施工工地" : "其他单位"),
                new(Math.Round(s.Zone.DistanceMetres), Common.Excel.CellStyle.Number), new(s.Zone.Entity.Address), new(s.Zone.Entity.Township?.Name));
        var rota = new Common.Excel.XlsxSheet("夜间巡查安排") { FrozenRows = 2 };
        rota.ColumnWidths.AddRange([16, 16, 24, 50]);
        rota.Row(new Common.Excel.XlsxCell($"{exam.Label}期间夜间巡查安排（22:00—次日06:00）", Common.Excel.CellStyle.Title));
        rota.Merges.Add("A1:D1");
        rota.Row([.. new[] { "日期（夜间）", "时段", "巡查组", "巡查考点" }.Select(h => new Common.Excel.XlsxCell(h, Common.Excel.CellStyle.Header))]);
        foreach (var night in exam.Nights)
            rota.Row(new($"{night.Evening:yyyy-MM-dd}"), new("22:00—次日06:00"), new(string.Join("、", night.Team)), new(string.Join("、", night.Venues)));
        Common.Excel.XlsxWriter.Write(output, sources, rota);
    }
}
