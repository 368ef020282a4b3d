using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Disclosure;

/// <summary>Preparing, reviewing, publishing, correcting and withdrawing disclosures. Content is masked when it is
/// prepared, so the reviewer approves exactly what the public will read; the author cannot approve his own draft.</summary>
public static class Publications
{
    public const string Authority = "重庆市涪陵区生态环境局";

    /// <summary>What the author writes for a penalty decision; the party's identifiers come from the registry.</summary>
    public sealed record PenaltyInput(
        PartyKind PartyKind,
        string? PartyName,
        string? LegalRepresentative,
        string? Facts,
        string? LegalBasis,
        string? Penalty,
        string? Performance,
        /// <summary>Names of individuals mentioned in the facts (the party, witnesses), masked wherever they appear.</summary>
        IReadOnlyList<string>? PersonNames = null);

    public static DateOnly DueOn(PublicationKind kind, DateOnly eventOn) => kind == PublicationKind.InspectionResult
        ? DisclosureDeadlines.InspectionResult(eventOn, WorkingCalendar.China)
        : DisclosureDeadlines.PenaltyDecision(eventOn, WorkingCalendar.China);

    public static string TaskKey(int taskId) => $"task:{taskId}";

    public static string MeasureKey(int measureId) => $"measure:{measureId}";

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, IActor actor)
    {
        /// <summary>Drafts the result of a done 双随机 inspection from the task, its draw and the problems found there.</summary>
        public async Task<Result<int>> PrepareInspectionResultAsync(int taskId, CancellationToken ct)
        {
            if (await OpenRevisionAsync(TaskKey(taskId), ct) is { } open) return Result<int>.Ok(open.Id);
            var built = await BuildInspectionResultAsync(taskId, ct);
            if (!built.Succeeded) return Result<int>.Fail(built.Errors);
            var (task, json) = built.Value!;
            return await AddDraftAsync(PublicationKind.InspectionResult, TaskKey(taskId), $"{task.Enterprise!.Name} 双随机抽查结果",
                task.InspectedOn!.Value, task.Campaigns.Select(c => (int?)c.CampaignId).FirstOrDefault(), task.Enterprise.TownshipId, json, ct);
        }

        /// <summary>The public content of an inspection result as the records stand now (problems' rectification included).</summary>
        private async Task<Result<(InspectionTask Task, string Json)>> BuildInspectionResultAsync(int taskId, CancellationToken ct)
        {
            var task = await db.InspectionTasks.AsNoTracking().Include(t => t.Enterprise!).ThenInclude(e => e.Township)
                .Include(t => t.Campaigns).ThenInclude(c => c.Campaign).FirstOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null) return Result<(InspectionTask, string)>.Fail("TaskId", "检查任务不存在");
            if (task.Status != TaskStatus.Done || task.InspectedOn is not { } inspectedOn)
                return Result<(InspectionTask, string)>.Fail("TaskId", "检查完成后才能公开检查结果");
            var drawIds = task.Campaigns.Where(c => c.DrawId != null).Select(c => c.DrawId!.Value).ToList();
            var draw = await db.Draws.AsNoTracking().Where(d => drawIds.Contains(d.Id)).OrderBy(d => d.Id)
                .Select(d => new { d.Title, d.SeedSha256 }).FirstOrDefaultAsync(ct);
            var problems = await db.Problems.AsNoTracking().Where(p => p.TaskId == taskId).OrderBy(p => p.Id).ToListAsync(ct);
            var names = new[] { task.Enterprise!.ContactName }.OfType<string>().ToList();
            var content = new InspectionResultContent(
                task.Enterprise.Name, task.Enterprise.CreditCode, task.Enterprise.Township?.Name, inspectedOn,
                [.. task.Campaigns.Select(c => c.Campaign!.ShortName)], draw?.Title, draw?.SeedSha256,
                problems.Count == 0 ? "未发现问题" : $"发现问题 {problems.Count} 个，已依法处理",
                [.. problems.Select(p => new DisclosedProblem(ProblemLabels.Category(p), Mask(p.Description, names),
                    p.Status == ProblemStatus.Closed ? "已整改" : p.RectificationDeadline is { } d ? $"整改中（时限 {d:yyyy-MM-dd}）" : "整改中"))],
                Authority);
            return Result<(InspectionTask, string)>.Ok((task, PublicJson.Serialize(content)));
        }

        /// <summary>Drafts (or redrafts) a penalty decision for a 行政处罚 measure with the author's text, masked.</summary>
        public async Task<Result<int>> PreparePenaltyAsync(int measureId, PenaltyInput input, CancellationToken ct)
        {
            var measure = await db.ProblemMeasures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId, ct);
            if (measure is null || measure.Kind != MeasureKind.Penalty) return Result<int>.Fail("MeasureId", "没有这项行政处罚");
            var problem = await db.Problems.AsNoTracking().Include(p => p.Enterprise).FirstAsync(p => p.Id == measure.ProblemId, ct);
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(measure.DecisionNumber)) errors.Add(new("DecisionNumber", "该处罚没有决定书文号，请先在问题台账中补录"));
            Require(errors, input.Facts, "Facts", "违法事实");
            Require(errors, input.LegalBasis, "LegalBasis", "处罚依据");
            Require(errors, input.Penalty, "Penalty", "处罚内容");
            Require(errors, input.Performance, "Performance", "履行方式和期限");
            if (input.PartyKind == PartyKind.Individual && string.IsNullOrWhiteSpace(input.PartyName)) errors.Add(new("PartyName", "当事人为自然人时请填写其姓名（公开时仅显示姓氏）"));
            if (errors.Count > 0) return Result<int>.Fail(errors);

            var enterprise = problem.Enterprise!;
            var individual = input.PartyKind == PartyKind.Individual;
            var names = (input.PersonNames ?? []).Append(individual ? input.PartyName : null).Append(enterprise.ContactName)
                .Append(individual ? input.LegalRepresentative : null).OfType<string>().Select(n => n.Trim()).Where(n => n.Length > 1).Distinct().ToList();
            var content = new PenaltyDecisionContent(
                measure.DecisionNumber!.Trim(), input.PartyKind,
                individual ? PersonalDataMasker.MaskPersonName(input.PartyName!.Trim()) : (input.PartyName?.Trim() is { Length: > 0 } n ? n : enterprise.Name),
                individual ? null : enterprise.CreditCode,
                individual ? null : input.LegalRepresentative?.Trim(),
                Mask(input.Facts!, names), Mask(input.LegalBasis!, names), Mask(input.Penalty!, names), measure.FineWan,
                Mask(input.Performance!, names), Authority, measure.TakenOn);
            var json = PublicJson.Serialize(content);
            var title = $"{content.DecisionNumber} {content.PartyName}";
            if (await OpenRevisionAsync(MeasureKey(measureId), ct) is { } open)
            {
                if (open.Status == PublicationStatus.PendingReview) return Result<int>.Fail("Status", "已提交审核，审核退回后才能修改");
                open.ContentJson = json;
                open.Title = title;
                open.Status = PublicationStatus.Draft;
                await db.SaveChangesAsync(ct);
                return Result<int>.Ok(open.Id);
            }
            return await AddDraftAsync(PublicationKind.PenaltyDecision, MeasureKey(measureId), title, measure.TakenOn, problem.CampaignId,
                enterprise.TownshipId, json, ct);
        }

        public Task<Result<int>> SubmitAsync(int id, CancellationToken ct) => MoveAsync(id, [PublicationStatus.Draft, PublicationStatus.Returned], p =>
        {
            p.Status = PublicationStatus.PendingReview;
            p.SubmittedAtUtc = Now;
            return null;
        }, ct);

        /// <summary>Publishes; a correction replaces the published revision it corrects, with a public note.</summary>
        public Task<Result<int>> ApproveAsync(int id, CancellationToken ct) => MoveAsync(id, [PublicationStatus.PendingReview], p =>
        {
            if (p.CreatedBy == actor.Name) return new FieldError("ReviewedBy", "审核人不能是起草人，请由另一位审核人审核");
            p.Status = PublicationStatus.Published;
            p.ReviewedBy = actor.Name;
            p.ReviewedAtUtc = p.PublishedAtUtc = Now;
            return null;
        }, ct, supersede: true);

        public Task<Result<int>> ReturnAsync(int id, string? reason, CancellationToken ct) => MoveAsync(id, [PublicationStatus.PendingReview], p =>
        {
            if (string.IsNullOrWhiteSpace(reason)) return new FieldError("ReviewComment", "退回时请写明原因");
            p.Status = PublicationStatus.Returned;
            p.ReviewedBy = actor.Name;
            p.ReviewedAtUtc = Now;
            p.ReviewComment = reason.Trim();
            return null;
        }, ct);

        /// <summary>Withdraws a published item (e.g. the decision was revoked); the public keeps seeing that, when and why.</summary>
        public Task<Result<int>> WithdrawAsync(int id, string? reason, CancellationToken ct) => MoveAsync(id, [PublicationStatus.Published], p =>
        {
            if (string.IsNullOrWhiteSpace(reason)) return new FieldError("PublicNote", "撤回时请写明公开的撤回理由（如：处罚决定已被撤销）");
            p.Status = PublicationStatus.Withdrawn;
            p.WithdrawnAtUtc = Now;
            p.PublicNote = reason.Trim();
            return null;
        }, ct);

        /// <summary>Starts a correction of a published item: a new draft revision with a public note saying what changed;
        /// it replaces the published one only once reviewed. An inspection result is rebuilt from the records, so this
        /// is also how the public learns that its problems have been put right.</summary>
        public async Task<Result<int>> CorrectAsync(int id, string? note, CancellationToken ct)
        {
            var published = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (published?.Status != PublicationStatus.Published) return Result<int>.Fail("Status", "只有已公开的信息可以更正");
            if (string.IsNullOrWhiteSpace(note)) return Result<int>.Fail("PublicNote", "请写明更正说明（公开显示）");
            if (await OpenRevisionAsync(published.ItemKey, ct) is { } open) return Result<int>.Ok(open.Id);
            var revision = Copy(published);
            revision.PublicNote = note.Trim();
            if (published.Kind == PublicationKind.InspectionResult
                && await BuildInspectionResultAsync(int.Parse(published.ItemKey["task:".Length..], System.Globalization.CultureInfo.InvariantCulture), ct) is { Succeeded: true } rebuilt)
                revision.ContentJson = rebuilt.Value.Json;
            db.Publications.Add(revision);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(revision.Id);
        }

        private DateTime Now => clock.GetUtcNow().UtcDateTime;

        private Task<Publication?> OpenRevisionAsync(string key, CancellationToken ct) =>
            db.Publications.Where(p => p.ItemKey == key && (p.Status == PublicationStatus.Draft || p.Status == PublicationStatus.PendingReview
                || p.Status == PublicationStatus.Returned)).OrderByDescending(p => p.Revision).FirstOrDefaultAsync(ct);

        private async Task<Result<int>> AddDraftAsync(PublicationKind kind, string key, string title, DateOnly eventOn, int? campaignId, int? townshipId,
            string json, CancellationToken ct)
        {
            var previous = await db.Publications.Where(p => p.ItemKey == key).MaxAsync(p => (int?)p.Revision, ct) ?? 0;
            var publication = new Publication
            {
                Kind = kind, ItemKey = key, Revision = previous + 1, Status = PublicationStatus.Draft, Title = title, Year = eventOn.Year,
                CampaignId = campaignId, TownshipId = townshipId, EventOn = eventOn, DueOn = DueOn(kind, eventOn),
                ContentJson = json, CreatedAtUtc = Now, CreatedBy = actor.Name,
            };
            db.Publications.Add(publication);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(publication.Id);
        }

        private Publication Copy(Publication p) => new()
        {
            Kind = p.Kind, ItemKey = p.ItemKey, Revision = p.Revision + 1, Status = PublicationStatus.Draft, Title = p.Title, Year = p.Year,
            CampaignId = p.CampaignId, TownshipId = p.TownshipId, EventOn = p.EventOn, DueOn = p.DueOn, ContentJson = p.ContentJson,
            CreatedAtUtc = Now, CreatedBy = actor.Name,
        };

        /// <summary>Status is a concurrency token: of two people moving the same item at once, the second fails.</summary>
        private async Task<Result<int>> MoveAsync(int id, PublicationStatus[] from, Func<Publication, FieldError?> move, CancellationToken ct, bool supersede = false)
        {
            var publication = await db.Publications.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (publication is null) return Result<int>.Fail("Id", "公开事项不存在");
            if (!from.Contains(publication.Status)) return Result<int>.Fail("Status", "该事项的状态已变化，请刷新页面");
            if (move(publication) is { } error) return Result<int>.Fail([error]);
            if (supersede)
                foreach (var old in await db.Publications.Where(p => p.ItemKey == publication.ItemKey && p.Id != id && p.Status == PublicationStatus.Published).ToListAsync(ct))
                    old.Status = PublicationStatus.Superseded;
            try
            {
                await db.SaveChangesAsync(ct);
                return Result<int>.Ok(id);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result<int>.Fail("Status", "该事项刚被他人处理，请刷新页面");
            }
        }

        private static void Require(List<FieldError> errors, string? value, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, $"请填写{label}"));
            else if (value.Length > 4000) errors.Add(new(field, $"{label}不能超过 4000 字"));
        }

        private static string Mask(string text, IReadOnlyList<string> names) =>
            PersonalDataMasker.MaskText(PersonalDataMasker.MaskNamesInText(text.Trim(), names));
    }
}
