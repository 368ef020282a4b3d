namespace EcoEnforce.Reports.Summary;

/// <summary>The annual work summary (年度工作总结) of a plan year, or of one campaign of it, computed from the live ledger
/// each time: it is a draft the bureau edits in Word, so nothing here is frozen.</summary>
public sealed record AnnualSummary(
    int Year,
    string PlanTitle,
    /// <summary>Null for the whole plan.</summary>
    int? CampaignId,
    string? CampaignName,
    YearFigures Figures,
    IReadOnlyList<CaseItem> Cases,
    /// <summary>核与辐射执法检查情况汇总表; null when the summary does not cover the nuclear campaign.</summary>
    NuclearTable? Nuclear)
{
    public string Title => CampaignName is null
        ? $"涪陵区{Year}年生态环境执法现场检查工作总结"
        : $"涪陵区{Year}年{CampaignName}专项执法现场检查工作总结";

    /// <summary>The part of 一、工作开展情况 that is pure figures, the same sentence in Word, HTML and PDF.</summary>
    public string FiguresSentence
    {
        get
        {
            var f = Figures;
            var rate = f.Found == 0 ? "—（未发现问题）" : SummaryText.Percent(f.RectificationRate);
            return $"{Year}年，全区计划检查{f.Planned}次、完成{f.Done}次，发现问题{f.Found}个、已整改{f.Closed}个，整改完成率{rate}，"
                + $"逾期未整改{f.Overdue}个，罚款合计{SummaryText.Wan(f.FinesWan)}万元。";
        }
    }
}

/// <summary>A typical case as the summary tells it.</summary>
public sealed record CaseItem(
    int Id, int ProblemId, int SortOrder, string EnterpriseName, string Category, DateOnly FoundOn,
    string Text, bool HasOwnText, IReadOnlyList<string> Measures, decimal FineWan, string Rectification);

/// <summary>核与辐射执法检查情况汇总表 (附件2): one row per nuclear-technology user inspected under the campaign.</summary>
public sealed record NuclearTable(IReadOnlyList<NuclearRow> Rows, int? TargetUnits, int Inspected, int ProblemsFound, int Rectified, decimal FinesWan);

public sealed record NuclearRow(string Enterprise, string Dates, string Team, int ProblemsFound, string Problems, string Rectification, string Penalty);

/// <summary>Wording shared by the Word, HTML and PDF renderings.</summary>
public static class SummaryText
{
    public const string NextStepsPlaceholder = "【待填写】请在此填写下一步工作安排（如：持续开展专项执法、加强问题整改“回头看”、完善执法检查机制等）。";

    /// <summary>万元 amounts print with up to 4 decimals (one yuan) and no trailing zeros.</summary>
    public static string Wan(decimal wan) => wan.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    public static string Percent(double? rate) => rate is { } r ? r.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>整改情况 of one or more problems: any overdue makes it 逾期, all closed 已整改, otherwise 整改中.</summary>
    public static string Rectification(IEnumerable<Problems.Problem> problems, DateOnly today)
    {
        var list = problems.ToList();
        if (list.Count == 0) return "无问题";
        if (list.Any(p => p.IsOverdue(today))) return "逾期";
        return list.All(p => p.Status == Problems.ProblemStatus.Closed) ? "已整改" : "整改中";
    }
}
