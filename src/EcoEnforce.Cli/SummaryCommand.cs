using System.CommandLine;
using EcoEnforce.Common.Pdf;
using EcoEnforce.Data;
using EcoEnforce.Reports.Summary;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce report summary --plan 2022 [--campaign ID] -o 总结.docx|总结.pdf</c>: the annual summary for
/// the year-end deadlines; the file's extension picks Word (editable) or PDF (printed by Chromium).</summary>
internal static class SummaryCommand
{
    public static Command Create(Func<ServiceProvider> services)
    {
        var plan = new Option<int>("--plan") { Description = "计划年度，如 2022", Required = true };
        var campaign = new Option<int?>("--campaign") { Description = "专项编号；不填为全年所有专项的年度总结" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "输出文件：.docx（可编辑）或 .pdf", Required = true };
        var command = new Command("summary", "生成年度（或某专项）执法现场检查工作总结") { plan, campaign, output };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(output)!.FullName;
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not (".docx" or ".pdf")) return Fail(2, $"不支持的输出格式“{extension}”：请用 .docx 或 .pdf");
            await using var provider = services();
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            var year = parse.GetValue(plan);
            var summary = await SummaryQuery.ComputeAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), year, parse.GetValue(campaign), ct);
            if (summary is null) return Fail(1, $"{year}年没有检查计划，或专项 {parse.GetValue(campaign)} 不属于该年度计划");
            if (extension == ".pdf")
            {
                byte[] bytes;
                try
                {
                    bytes = await scope.ServiceProvider.GetRequiredService<ChromiumPdf>().PrintAsync(SummaryHtml.Document(summary), ct);
                }
                catch (PdfException e)
                {
                    return Fail(1, e.Message);
                }
                ReportCommands.WriteAtomically(path, s => s.Write(bytes));
            }
            else ReportCommands.WriteAtomically(path, s => SummaryDocx.Write(s, summary));
            var f = summary.Figures;
            Console.WriteLine($"已生成 {path}（{summary.Title}）：完成检查 {f.Done} 次、发现问题 {f.Found} 个、已整改 {f.Closed} 个；典型案例 {summary.Cases.Count} 个");
            return 0;
        });
        return command;
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
