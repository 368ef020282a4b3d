using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Reports;

/// <summary>The monthly report's way through the system: a unit drafts it (the figures stay live), submits it (they are
/// frozen), the bureau approves it or returns it with a reason; a returned or approved report is corrected in a new
/// revision. Of two people acting on the same report at once only one succeeds.</summary>
public static class MonthlyReports
{
    public sealed record Key(int CampaignId, int UnitId, int Year, int Month);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, IActor actor)
    {
        /// <summary>Stores 填报人 and 联系电话 on the open draft, starting one (a new revision after a return or an
        /// approval) when there is none.</summary>
        public async Task<Result<int>> SaveDraftAsync(Key key, string? filedBy, string? phone, CancellationToken ct)
        {
            var errors = await CheckKeyAsync(key, ct);
            filedBy = filedBy?.Trim();
            phone = phone?.Trim();
            if (filedBy?.Length > 50) errors.Add(new("FiledBy", "填报人不能超过 50 字"));
            if (!string.IsNullOrEmpty(phone) && !ReportRules.IsPhone(phone)) errors.Add(new("Phone", "联系电话格式不正确"));
            if (errors.Count > 0) return Result<int>.Fail(errors);

            var latest = await LatestAsync(key, ct);
            if (latest?.Status == MonthlyReportStatus.Submitted) return Result<int>.Fail("Status", "该月报表已报送，正在审核，不能修改");
            var report = latest?.Status == MonthlyReportStatus.Draft ? latest : null;
            if (report is null)
            {
                report = new MonthlyReport
                {
                    CampaignId = key.CampaignId, UnitId = key.UnitId, Year = key.Year, Month = key.Month,
                    Revision = (latest?.Revision ?? 0) + 1, Status = MonthlyReportStatus.Draft,
                    CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
                };
                db.MonthlyReports.Add(report);
            }
            report.FiledBy = string.IsNullOrEmpty(filedBy) ? null : filedBy;
            report.Phone = string.IsNullOrEmpty(phone) ? null : phone;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return Result<int>.Fail("Status", "同一时间有人新建了该月报表，请刷新后重试");
            }
            return Result<int>.Ok(report.Id);
        }

        /// <summary>Freezes the figures and problem detail as they are now and hands the report to the bureau.</summary>
        public async Task<Result<int>> SubmitAsync(int reportId, CancellationToken ct)
        {
            var report = await db.MonthlyReports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
            if (report is null) return Result<int>.Fail("Id", "报表不存在");
            if (report.Status != MonthlyReportStatus.Draft) return Result<int>.Fail("Status", "只有草稿可以报送");
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(report.FiledBy)) errors.Add(new("FiledBy", "报送前请填写填报人"));
            if (string.IsNullOrWhiteSpace(report.Phone)) errors.Add(new("Phone", "报送前请填写联系电话"));
            if (errors.Count > 0) return Result<int>.Fail(errors);

            var snapshot = await MonthlyForm.ComputeAsync(db, clock, report.CampaignId, report.UnitId, report.Year, report.Month, ct);
            report.Status = MonthlyReportStatus.Submitted;
            report.SnapshotJson = snapshot.ToJson();
            report.SubmittedAtUtc = snapshot.ComputedAtUtc;
            report.SubmittedBy = actor.Name;
            return await SaveAsync(report, ct);
        }

        public Task<Result<int>> ApproveAsync(int reportId, string? comment, CancellationToken ct) => ReviewAsync(reportId, true, comment, ct);

        public Task<Result<int>> ReturnAsync(int reportId, string? comment, CancellationToken ct) => ReviewAsync(reportId, false, comment, ct);

        private async Task<Result<int>> ReviewAsync(int reportId, bool approve, string? comment, CancellationToken ct)
        {
            comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
            if (!approve && comment is null) return Result<int>.Fail("ReviewComment", "退回时请写明退回原因");
            if (comment?.Length > 1000) return Result<int>.Fail("ReviewComment", "审核意见不能超过 1000 字");
            var report = await db.MonthlyReports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
            if (report is null) return Result<int>.Fail("Id", "报表不存在");
            if (report.Status != MonthlyReportStatus.Submitted) return Result<int>.Fail("Status", "只有已报送、待审核的报表可以审核");
            report.Status = approve ? MonthlyReportStatus.Approved : MonthlyReportStatus.Returned;
            report.ReviewedAtUtc = clock.GetUtcNow().UtcDateTime;
            report.ReviewedBy = actor.Name;
            report.ReviewComment = comment;
            if (approve)
                foreach (var earlier in await db.MonthlyReports.Where(r => r.CampaignId == report.CampaignId && r.UnitId == report.UnitId
                    && r.Year == report.Year && r.Month == report.Month && r.Revision < report.Revision && r.Status == MonthlyReportStatus.Approved).ToListAsync(ct))
                    earlier.Status = MonthlyReportStatus.Superseded;
            return await SaveAsync(report, ct);
        }

        /// <summary>Status is a concurrency token: a transition based on a status someone else has just changed fails.</summary>
        private async Task<Result<int>> SaveAsync(MonthlyReport report, CancellationToken ct)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return Result<int>.Ok(report.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result<int>.Fail("Status", "该报表刚被他人处理，请刷新页面查看最新状态");
            }
        }

        private Task<MonthlyReport?> LatestAsync(Key key, CancellationToken ct) =>
            db.MonthlyReports.Where(r => r.CampaignId == key.CampaignId && r.UnitId == key.UnitId && r.Year == key.Year && r.Month == key.Month)
                .OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct);

        private async Task<List<FieldError>> CheckKeyAsync(Key key, CancellationToken ct)
        {
            var errors = new List<FieldError>();
            if (key.Year is < 2000 or > 2100 || key.Month is < 1 or > 12) errors.Add(new("Month", "报表时段无效"));
            if (!await db.Campaigns.AnyAsync(c => c.Id == key.CampaignId, ct)) errors.Add(new("CampaignId", "专项不存在"));
            if (!await db.Departments.AnyAsync(d => d.Id == key.UnitId, ct)) errors.Add(new("UnitId", "填报单位不存在"));
            return errors;
        }
    }
}

/// <summary>A unit's report for a month as it stands: every revision (newest first) and the form to show — the latest
/// revision's snapshot once submitted or approved, otherwise the live figures the next submission will freeze.</summary>
public sealed record MonthlyReportView(IReadOnlyList<MonthlyReport> Revisions, bool Frozen, MonthlySnapshot Form)
{
    public MonthlyReport? Latest => Revisions.Count > 0 ? Revisions[0] : null;

    public static async Task<MonthlyReportView> LoadAsync(EcoEnforceDb db, TimeProvider clock, MonthlyReports.Key key, CancellationToken ct)
    {
        var revisions = await db.MonthlyReports.AsNoTracking()
            .Where(r => r.CampaignId == key.CampaignId && r.UnitId == key.UnitId && r.Year == key.Year && r.Month == key.Month)
            .OrderByDescending(r => r.Revision).ToListAsync(ct);
        var latest = revisions.FirstOrDefault();
        var frozen = latest is { Status: MonthlyReportStatus.Submitted or MonthlyReportStatus.Approved, SnapshotJson: not null };
        var form = frozen ? MonthlySnapshot.FromJson(latest!.SnapshotJson!)
            : await MonthlyForm.ComputeAsync(db, clock, key.CampaignId, key.UnitId, key.Year, key.Month, ct);
        return new(revisions, frozen, form);
    }
}

public static class ReportRules
{
    public static bool IsPhone(string? phone) => System.Text.RegularExpressions.Regex.IsMatch(phone?.Trim() ?? "", @"^[0-9+\-\s()]{7,20}$");
}
