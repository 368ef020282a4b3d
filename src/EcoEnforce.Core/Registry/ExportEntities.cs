using EcoEnforce.Common.Excel;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Registry;

/// <summary>Writes the registry (or an empty template) in the layout <see cref="ImportEntities"/> reads back.</summary>
public static class ExportEntities
{
    private static readonly double[] Widths =
        [36, 22, 40, 12, 14, 12, 12, 10, 14, 16, 26, 16, 14, 20, 12, 10, 10, 12, 12, 13, 13, 30, 10, 14];

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock)
    {
        public async Task<int> HandleAsync(Stream output, SearchEntities.Filter? filter, CancellationToken ct)
        {
            var today = Common.ChinaTime.Today(clock);
            var query = db.Enterprises.AsNoTracking().Include(e => e.Township).Include(e => e.PositiveListEntries).AsQueryable();
            if (filter is not null) query = SearchEntities.Apply(query, filter, today);
            var entities = await query.OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync(ct);
            var sheet = Sheet();
            foreach (var e in entities) sheet.Rows.Add(RegistryRow.ToCells(e));
            XlsxWriter.Write(output, sheet, Instructions());
            return entities.Count;
        }
    }

    public static void WriteTemplate(Stream output) => XlsxWriter.Write(output, Sheet(), Instructions());

    private static XlsxSheet Sheet()
    {
        var sheet = new XlsxSheet("检查对象名录") { FrozenRows = 1, Landscape = true, FitToWidth = false };
        sheet.ColumnWidths.AddRange(Widths);
        sheet.Rows.Add([.. RegistryColumns.All.Select(c => new XlsxCell(RegistryColumns.Required.Contains(c) ? c + "*" : c, CellStyle.Header))]);
        return sheet;
    }

    private static XlsxSheet Instructions()
    {
        var sheet = new XlsxSheet("填表说明");
        sheet.ColumnWidths.Add(110);
        string[] lines =
        [
            "检查对象名录库导入模板填表说明",
            "1. 第1行为列标题，请勿修改；带*的列为必填。从第2行起每行填写一个单位。",
            "2. 统一社会信用代码为18位（GB 32100），系统校验第18位校验码；已在名录库中的代码将按本表内容更新。",
            "3. 所属乡镇街道填写全称，如“李渡街道”“清溪镇”；所在工业园区可选：李渡、龙桥、清溪、白涛工业园区，不在园区的留空。",
            "4. 经度、纬度为WGS-84坐标（小数度），如 经度 107.3895，纬度 29.7031。",
            "5. 行业代码按GB/T 4754填写，如 C2614。监管类别：重点排污单位、一般排污单位、特殊监管对象。",
            "6. 排污许可管理类别：重点管理、简化管理、登记管理或留空；重点管理、简化管理须填写排污许可证编号。",
            "7. 是否类列填“是”或“否”。核技术利用单位须填写辐射安全许可证编号；建筑工地须填写工期开始、结束日期（如 2022-07-01）。",
            "8. 正面清单：填写起始、截止日期和理由。",
            "9. 联系人、联系电话为个人信息，仅供执法人员使用，不对外公开。",
            "10. 导入时逐行校验，任何一行有错误则全部不导入，并列出每个错误所在的行和列。",
        ];
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
            sheet.Rows.Add([new XlsxCell(line, i == 0 ? CellStyle.Title : CellStyle.Note)]);
        return sheet;
    }
}
