using EcoEnforce.Common;
using EcoEnforce.Places;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Places;

/// <summary>考点噪声管控: per exam of the year, the noise sources within 300 m of its venues and the night patrol rota,
/// to print and hand out before the exams.</summary>
[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class ExamsModel(ExamProtection protection, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<ExamProtection.Exam> Exams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= ChinaTime.Today(clock).Year;
        Exams = await protection.ForYearAsync(Year.Value, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string label, CancellationToken ct)
    {
        Year ??= ChinaTime.Today(clock).Year;
        var exam = (await protection.ForYearAsync(Year.Value, ct)).FirstOrDefault(e => e.Label == label);
        if (exam is null) return NotFound();
        var stream = new MemoryStream();
        ExamProtection.WriteXlsx(stream, exam);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Year}年{label}考点噪声管控.xlsx");
    }
}
