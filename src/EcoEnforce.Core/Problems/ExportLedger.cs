using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Problems;

/// <summary>Writes a campaign's monthly report (附表2): the section 1 numbers as the reporting unit gives them, and
/// every problem of the campaign found from 1 January to the end of the reported month (全年累计填报).</summary>
public static class ExportLedger
{
    public sealed record Command(
        int CampaignId,
        int Year,
        int Month,
        string? ReportingUnit,
        InspectionCounts ThisMonth,
        InspectionCounts Total,
        string? FiledBy = null,
        DateOnly? FiledOn = null,
        string? Phone = null);

    public sealed class Handler(EcoEnforceDb db, Ledger.Handler ledger)
    {
        /// <summary>Returns the number of detail rows written.</summary>
        public async Task<Result<int>> HandleAsync(Command command, Stream output, CancellationToken ct)
        {
            if (command.Month is < 1 or > 12 || command.Year is < 2000 or > 2100)
                return Result<int>.Fail(nameof(command.Month), "报表时段无效");
            var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == command.CampaignId, ct);
            if (campaign is null) return Result<int>.Fail(nameof(command.CampaignId), "专项不存在");
            var errors = CheckCounts("ThisMonth", command.ThisMonth).Concat(CheckCounts("Total", command.Total)).ToList();
            if (errors.Count > 0) return Result<int>.Fail(errors);

            var first = new DateOnly(command.Year, 1, 1);
            var filter = new Ledger.Filter
            {
                CampaignId = command.CampaignId,
                FoundFrom = first,
                FoundTo = new DateOnly(command.Year, command.Month, 1).AddMonths(1).AddDays(-1),
            };
            var rows = await ledger.HandleAsync(filter, ct);
            var form = new LedgerForm(campaign.ShortName, command.Year, command.Month, command.ReportingUnit?.Trim(),
                command.ThisMonth, command.Total, command.FiledBy?.Trim(), command.FiledOn, command.Phone?.Trim());
            LedgerXlsx.Write(output, form, rows);
            return Result<int>.Ok(rows.Count);
        }

        private static IEnumerable<FieldError> CheckCounts(string field, InspectionCounts c)
        {
            if (c.Planned < 0 || c.Done < 0 || c.ProblemsFound < 0 || c.Rectified < 0) yield return new(field, "次数和数量不能为负数");
            if (c.Rectified > c.ProblemsFound) yield return new(field, "完成整改数量不能多于发现问题数量");
        }
    }
}
