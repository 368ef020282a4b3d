using System.Globalization;
using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Campaigns;

/// <summary>Edits a campaign of a draft plan. Checklist items are one per line; phases one per line as
/// "名称|开始|结束" with dates like 2023-07-01 (either may be empty).</summary>
public static class UpdateCampaign
{
    public sealed record Command(
        int CampaignId, string Title, string ShortName, string? LegalBasis, string Scope, string Focus, string Schedule,
        string Participants, string CheckItems, string Phases);

    public sealed class Handler(EcoEnforceDb db)
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            var campaign = await db.Campaigns.Include(c => c.Plan).Include(c => c.CheckItems).Include(c => c.Phases)
                .FirstOrDefaultAsync(c => c.Id == command.CampaignId, ct);
            if (campaign is null) return Result<int>.Fail(nameof(command.CampaignId), "专项不存在");
            if (campaign.Plan!.Status != PlanStatus.Draft)
                return Result<int>.Fail("Status", "已发布的计划不能修改；如需调整，请先“修订”生成新版本");

            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(command.Title)) errors.Add(new(nameof(command.Title), "专项名称不能为空"));
            if (string.IsNullOrWhiteSpace(command.ShortName)) errors.Add(new(nameof(command.ShortName), "简称不能为空"));
            var phases = ParsePhases(command.Phases, errors);
            if (errors.Count > 0) return Result<int>.Fail(errors);

            campaign.Title = command.Title.Trim();
            campaign.ShortName = command.ShortName.Trim();
            campaign.LegalBasis = string.IsNullOrWhiteSpace(command.LegalBasis) ? null : command.LegalBasis.Trim();
            campaign.Scope = command.Scope.Trim();
            campaign.Focus = command.Focus.Trim();
            campaign.Schedule = command.Schedule.Trim();
            campaign.Participants = command.Participants.Trim();
            db.RemoveRange(campaign.CheckItems);
            campaign.CheckItems = [.. Lines(command.CheckItems).Select((t, i) => new CheckItem { SortOrder = i + 1, Text = t })];
            // A phase keeps where it came from (plan text or an annex) as long as its name stays; names may repeat.
            var sources = campaign.Phases.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().Source);
            db.RemoveRange(campaign.Phases);
            campaign.Phases = [.. phases.Select((p, i) => { p.SortOrder = i + 1; p.Source = sources.GetValueOrDefault(p.Name, "plan"); return p; })];
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(campaign.Id);
        }
    }

    public static string FormatPhases(IEnumerable<CampaignPhase> phases) =>
        string.Join("\n", phases.OrderBy(p => p.SortOrder).Select(p => $"{p.Name}|{p.Start:yyyy-MM-dd}|{p.End:yyyy-MM-dd}"));

    private static List<CampaignPhase> ParsePhases(string text, List<FieldError> errors)
    {
        var list = new List<CampaignPhase>();
        foreach (var (line, n) in Lines(text).Select((l, i) => (l, i + 1)))
        {
            var parts = line.Split('|');
            DateOnly? Date(int i)
            {
                if (parts.Length <= i || parts[i].Trim().Length == 0) return null;
                if (DateOnly.TryParseExact(parts[i].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
                errors.Add(new("Phases", $"第{n}行日期“{parts[i].Trim()}”格式应为 2023-07-01"));
                return null;
            }
            var phase = new CampaignPhase { Name = parts[0].Trim(), Start = Date(1), End = Date(2), Source = "plan" };
            if (phase.Name.Length == 0) errors.Add(new("Phases", $"第{n}行缺少阶段名称"));
            else if (phase.Start > phase.End) errors.Add(new("Phases", $"第{n}行开始日期晚于结束日期"));
            list.Add(phase);
        }
        return list;
    }

    private static IEnumerable<string> Lines(string text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
