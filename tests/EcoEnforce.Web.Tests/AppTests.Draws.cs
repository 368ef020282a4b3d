using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoEnforce.Data;
using EcoEnforce.Draws;
using EcoEnforce.Inspections;
using EcoEnforce.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>双随机 draws through the API and pages, on both databases. The fixture's database is shared by the tests of
/// a class, so each test draws in its own year or with its own rule set, keeping caps and merges independent.</summary>
public abstract partial class AppTests<TApp>
{
    private async Task<int> RuleSetAsync(string name, CampaignKindFilter campaign, DrawRuleSpec spec) =>
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var existing = await db.DrawRuleSets.Where(r => r.Name == name).Select(r => (int?)r.Id).FirstOrDefaultAsync(Ct);
            if (existing is { } id) return id;
            var campaignId = await db.Campaigns.Where(c => c.Kind == campaign.Kind).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
            var result = await sp.GetRequiredService<SaveDrawRuleSet.Handler>().HandleAsync(new SaveDrawRuleSet.Command(null, name, null, campaignId, spec), Ct);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Value;
        });

    public sealed record CampaignKindFilter(Campaigns.CampaignKind Kind);

    private static readonly CampaignKindFilter Water = new(Campaigns.CampaignKind.Water);
    private static readonly CampaignKindFilter Air = new(Campaigns.CampaignKind.Air);

    private async Task<JsonElement> DrawAsync(HttpClient api, object request)
    {
        var response = await api.PostAsJsonAsync("/api/v1/draws", request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private Task<int> SeededRuleSetIdAsync(string name) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().DrawRuleSets.Where(r => r.Name == name).Select(r => r.Id).FirstAsync(Ct));

    [Fact]
    public async Task The_2022_water_draw_takes_the_rounded_up_ratios_gives_each_task_a_two_officer_team_and_its_export_verifies()
    {
        var api = await ApiAsync();
        var ruleSetId = await SeededRuleSetIdAsync("2022年水专项季度抽查");
        var draw = await DrawAsync(api, new { ruleSetId, year = 2022, quarter = 3, execute = true });
        var id = draw.GetProperty("id").GetInt32();
        Assert.Equal("Executed", draw.GetProperty("status").GetString());
        Assert.Matches("^[0-9a-f]{64}$", draw.GetProperty("seedSha256").GetString()!);

        var quotas = new Dictionary<string, decimal> { ["KeyPolluter"] = 25, ["Ordinary"] = 5, ["Special"] = 25 };
        var counts = draw.GetProperty("counts").EnumerateArray().ToList();
        foreach (var c in counts)
        {
            var pool = c.GetProperty("poolSize").GetInt32();
            Assert.Equal((int)Math.Ceiling(pool * quotas[c.GetProperty("stratum").GetString()!] / 100m), c.GetProperty("requested").GetInt32());
        }
        var tasks = draw.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(counts.Sum(c => c.GetProperty("requested").GetInt32()), tasks.Count);
        Assert.NotEmpty(tasks);

        var export = await api.GetAsync($"/api/v1/draws/{id}/export", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var read = DrawExportJson.Read(await export.Content.ReadAsStreamAsync(Ct));
        Assert.True(read.Succeeded);
        var verified = DrawVerifier.Verify(read.Value!);
        Assert.True(verified.Passed, string.Join("; ", verified.Differences));
        // Every team has two officers, one of them from the 执法支队 (the lead department of this rule).
        Assert.All(read.Value!.Tasks, t => Assert.Equal(2, t.InspectorKeys.Count));
        var officers = read.Value.Inspectors.ToDictionary(i => i.Key);
        Assert.All(read.Value.Tasks, t => Assert.Contains(t.InspectorKeys, k => officers[k].Department == "涪陵区生态环境保护综合行政执法支队"));
        // Certificates expiring before the window ends keep officers out of the pool.
        Assert.DoesNotContain(read.Value.Inspectors, i => i.Key is "500102200006" or "500102200019");

        var tampered = read.Value with { Pool = [.. read.Value.Pool.Select((o, i) => i == 0 ? o with { Name = o.Name + "改" } : o)] };
        Assert.False(DrawVerifier.Verify(tampered).Passed);

        var created = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().TaskCampaigns.CountAsync(c => c.DrawId == id, Ct));
        Assert.Equal(tasks.Count, created);
    }

    [Fact]
    public async Task A_rule_asking_for_more_entities_than_the_pool_holds_is_refused_and_nothing_is_written()
    {
        var api = await ApiAsync();
        var ruleSetId = await RuleSetAsync("测试：超出对象库", Water, new DrawRuleSpec
        {
            Period = DrawPeriodKind.Year,
            Quotas = [new() { Class = SupervisionClass.Special, PerInspector = 500 }],
        });
        var before = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Draws.CountAsync(Ct));
        var response = await api.PostAsJsonAsync("/api/v1/draws", new { ruleSetId, year = 2022, execute = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("特殊监管对象", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before, await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Draws.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_redraw_needs_a_reason_keeps_the_old_draw_and_withdraws_its_planned_tasks()
    {
        var api = await ApiAsync();
        var ruleSetId = await RuleSetAsync("测试：重新抽取", Water, new DrawRuleSpec
        {
            Period = DrawPeriodKind.Year,
            Quotas = [new() { Class = SupervisionClass.Special, Percent = 20 }],
        });
        var first = await DrawAsync(api, new { ruleSetId, year = 2025, execute = true });
        var firstId = first.GetProperty("id").GetInt32();

        var noReason = await api.PostAsJsonAsync("/api/v1/draws", new { ruleSetId, year = 2025, replacesDrawId = firstId, execute = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("理由", await noReason.Content.ReadAsStringAsync(Ct));

        var second = await DrawAsync(api, new { ruleSetId, year = 2025, replacesDrawId = firstId, reason = "执法人员岗位调整", execute = true });
        Assert.Equal(firstId, second.GetProperty("replacesDrawId").GetInt32());
        var old = await api.GetFromJsonAsync<JsonElement>($"/api/v1/draws/{firstId}", Ct);
        Assert.Equal(first.GetProperty("tasks").GetRawText(), old.GetProperty("tasks").GetRawText());
        var stillPlanned = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().TaskCampaigns.CountAsync(c => c.DrawId == firstId, Ct));
        Assert.Equal(0, stillPlanned);
    }

    [Fact]
    public async Task Two_campaigns_drawing_the_same_entity_in_the_same_window_make_one_joint_inspection()
    {
        var api = await ApiAsync();
        var spec = new DrawRuleSpec { Period = DrawPeriodKind.Year, Filter = new PoolFilter { Flags = [EntityFlag.NuclearTechUser] }, Quotas = [new() { Class = SupervisionClass.Special, All = true }, new() { Class = SupervisionClass.Ordinary, All = true }] };
        var water = await RuleSetAsync("测试：联合检查甲", Water, spec);
        var air = await RuleSetAsync("测试：联合检查乙", Air, spec);
        var a = await DrawAsync(api, new { ruleSetId = water, year = 2023, execute = true });
        var b = await DrawAsync(api, new { ruleSetId = air, year = 2023, execute = true });
        Assert.Equal(a.GetProperty("tasks").GetArrayLength(), b.GetProperty("tasks").GetArrayLength());

        var tasks = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().InspectionTasks.AsNoTracking()
            .Where(t => t.Campaigns.Any(c => c.DrawId == b.GetProperty("id").GetInt32()))
            .Select(t => new { Campaigns = t.Campaigns.Count, Inspectors = t.Inspectors.Count }).ToListAsync(Ct));
        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.Equal(2, t.Campaigns));
        Assert.All(tasks, t => Assert.InRange(t.Inspectors, 2, 4));
    }

    [Fact]
    public async Task Caps_and_the_positive_list_leave_entities_out_with_their_reasons()
    {
        var api = await ApiAsync();
        var ruleSetId = await RuleSetAsync("测试：频次上限", Water, new DrawRuleSpec
        {
            Quotas = [new() { Class = SupervisionClass.KeyPolluter, All = true }],
            Caps = [new() { Class = SupervisionClass.KeyPolluter, MaxRoutine = 1, Per = DrawPeriodKind.Quarter }],
        });
        var first = await DrawAsync(api, new { ruleSetId, year = 2024, quarter = 2, execute = true });
        Assert.True(first.GetProperty("tasks").GetArrayLength() > 0);
        var second = await DrawAsync(api, new { ruleSetId, year = 2024, quarter = 2, execute = true });
        Assert.Equal(0, second.GetProperty("tasks").GetArrayLength());

        var exclusions = await App.WithScopeAsync(async sp =>
            DrawJson.Deserialize<List<PoolExclusion>>((await sp.GetRequiredService<EcoEnforceDb>().Draws.FindAsync([second.GetProperty("id").GetInt32()], Ct))!.ExclusionsJson));
        Assert.Contains(exclusions, e => e.Reason.Contains("本季度已安排例行抽查 1 次", StringComparison.Ordinal));
        Assert.Contains(exclusions, e => e.Reason.StartsWith("正面清单", StringComparison.Ordinal));
        Assert.Equal(first.GetProperty("tasks").GetArrayLength(), exclusions.Count(e => e.Reason.Contains("已安排例行抽查", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_air_station_rule_draws_only_entities_within_3_km_of_national_and_municipal_stations()
    {
        var pool = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var spec = (await db.DrawRuleSets.FirstAsync(r => r.Name == "2022年大气专项·空气站周边3公里", Ct)).Spec;
            var built = await sp.GetRequiredService<DrawPool>().BuildAsync(spec with { Caps = [] },
                new DrawWindow(new(2022, 7, 1), new(2022, 9, 30), new(2022, 7, 1), new(2022, 9, 30)), Ct);
            var stations = await db.Places.Where(p => p.Kind == Places.PlaceKind.AirStation
                && (p.Level == Places.StationLevel.National || p.Level == Places.StationLevel.Municipal)).ToListAsync(Ct);
            var entities = await db.Enterprises.ToListAsync(Ct);
            return (built.Value!, stations, entities);
        });
        var (frozen, stations, entities) = pool;
        static double Metres(double lat1, double lon1, double lat2, double lon2)
        {
            const double r = 6_371_008.8;
            double Rad(double d) => d * Math.PI / 180;
            var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
            return 2 * r * Math.Asin(Math.Sqrt(a));
        }
        bool Near(Enterprise e, double metres) => stations.Any(s => Metres(e.Latitude, e.Longitude, s.Latitude, s.Longitude) <= metres);
        var inPool = frozen.Objects.Select(o => o.Key).Concat(frozen.Exclusions.Select(x => x.Key)).ToHashSet();
        Assert.NotEmpty(inPool);
        // Geodesic distance on the sphere vs the providers' geography: allow 0.5 % at the boundary.
        Assert.All(entities.Where(e => inPool.Contains(e.CreditCode)), e => Assert.True(Near(e, 3015), $"{e.Name} is in the pool but not within 3 km"));
        Assert.All(entities.Where(e => !inPool.Contains(e.CreditCode)), e => Assert.False(Near(e, 2985), $"{e.Name} is within 3 km but not in the pool"));
    }

    [Fact]
    public async Task A_secret_draw_is_refused_to_an_officer_not_on_its_team_shown_to_a_team_member_and_every_view_is_audited()
    {
        var api = await ApiAsync();
        var ruleSetId = await RuleSetAsync("测试：保密", Water, new DrawRuleSpec
        {
            Period = DrawPeriodKind.Year,
            Quotas = [new() { Class = SupervisionClass.Special, Percent = 10 }],
        });
        var draw = await DrawAsync(api, new { ruleSetId, year = 2026, execute = true });
        var id = draw.GetProperty("id").GetInt32();

        var (outsider, outsiderPassword) = await App.CreateUserAsync(Accounts.Roles.Inspector);
        var outsiderApi = await ApiAsync(outsider, outsiderPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsiderApi.GetAsync($"/api/v1/draws/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsiderApi.GetAsync($"/api/v1/draws/{id}/export", Ct)).StatusCode);
        var outsiderPage = await (await SignedInAsync(outsider, outsiderPassword)).GetAsync($"/Draws/{id}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, outsiderPage.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", outsiderPage.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var list = await (await SignedInAsync(outsider, outsiderPassword)).GetStringAsync("/Draws", Ct);
        Assert.DoesNotContain($"/Draws/{id}\"", list, StringComparison.Ordinal);

        var (member, memberPassword) = await App.CreateUserAsync(Accounts.Roles.Inspector);
        var teamKey = draw.GetProperty("tasks")[0].GetProperty("inspectors")[0].GetString();
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var userId = await db.Users.Where(u => u.UserName == member).Select(u => u.Id).FirstAsync(Ct);
            var officer = await db.TaskInspectors.Where(i => i.DrawId == id).Select(i => i.Inspector!).FirstAsync(Ct);
            officer.UserId = userId;
            return await db.SaveChangesAsync(Ct);
        });
        Assert.NotNull(teamKey);
        var memberApi = await ApiAsync(member, memberPassword);
        Assert.Equal(HttpStatusCode.OK, (await memberApi.GetAsync($"/api/v1/draws/{id}", Ct)).StatusCode);
        var page = await (await SignedInAsync(member, memberPassword)).GetStringAsync($"/Draws/{id}", Ct);
        Assert.Contains("保密", page, StringComparison.Ordinal);

        var views = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().AuditEntries
            .Where(a => a.Action == "查看" && a.EntityType == "Draw" && a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(a => a.Actor).ToListAsync(Ct));
        Assert.Contains(member, views);
    }

    [Fact]
    public async Task A_declared_conflict_keeps_the_officer_off_that_entity()
    {
        var (entityKey, officerKey) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var entity = await db.Enterprises.Where(e => e.SupervisionClass == SupervisionClass.KeyPolluter && !e.PositiveListEntries.Any()).OrderBy(e => e.Id).FirstAsync(Ct);
            var officer = await db.Inspectors.OrderBy(i => i.Id).Skip(3).FirstAsync(Ct);
            var declared = await sp.GetRequiredService<Organisation.DeclareConflict.Handler>()
                .HandleAsync(new Organisation.DeclareConflict.Command(officer.Id, entity.CreditCode, "配偶在该企业任职", new DateOnly(2022, 1, 1)), Ct);
            Assert.True(declared.Succeeded || declared.Errors[0].Message.Contains("已登记", StringComparison.Ordinal));
            return (entity.CreditCode, officer.CertificateNumber);
        });
        var frozen = await App.WithScopeAsync(async sp =>
        {
            var spec = new DrawRuleSpec { Quotas = [new() { Class = SupervisionClass.KeyPolluter, All = true }] };
            return (await sp.GetRequiredService<DrawPool>().BuildAsync(spec, new DrawWindow(new(2022, 1, 1), new(2022, 3, 31), new(2022, 1, 1), new(2022, 3, 31)), Ct)).Value!;
        });
        Assert.Contains(officerKey, frozen.Objects.Single(o => o.Key == entityKey).Conflicts);
        for (var i = 0; i < 20; i++)
        {
            var seed = System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i));
            var outcome = DrawAlgorithm.Draw(new DrawInput(frozen.Rules, frozen.Objects, frozen.Inspectors, seed)).Value!;
            Assert.DoesNotContain(officerKey, outcome.Tasks.Single(t => t.ObjectKey == entityKey).InspectorKeys);
        }
    }
}

public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task A_frozen_pool_changed_after_the_commitment_is_refused_at_the_draw()
    {
        var api = await ApiAsync();
        var ruleSetId = await RuleSetAsync("测试：承诺后篡改", Water, new DrawRuleSpec
        {
            Period = DrawPeriodKind.Year,
            Quotas = [new() { Class = SupervisionClass.Special, Percent = 10 }],
        });
        var committed = await DrawAsync(api, new { ruleSetId, year = 2027, execute = false });
        var id = committed.GetProperty("id").GetInt32();
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var draw = await db.Draws.FirstAsync(d => d.Id == id, Ct);
            draw.InputJson = draw.InputJson.Replace("（示例）", "（改）", StringComparison.Ordinal);
            return await db.SaveChangesAsync(Ct);
        });
        var response = await api.PostAsync($"/api/v1/draws/{id}/execute", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("摘要不一致", await response.Content.ReadAsStringAsync(Ct));
        var tasks = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().TaskCampaigns.CountAsync(c => c.DrawId == id, Ct));
        Assert.Equal(0, tasks);
    }
}

public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task A_conflict_declared_on_the_officer_page_is_listed_and_a_wrong_credit_code_is_explained()
    {
        var client = await SignedInAsync();
        var (officerId, creditCode) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var officer = await db.Inspectors.OrderBy(i => i.Id).Skip(7).Select(i => i.Id).FirstAsync(Ct);
            var entity = await db.Enterprises.OrderBy(e => e.Id).Skip(11).Select(e => e.CreditCode).FirstAsync(Ct);
            return (officer, entity);
        });
        var page = $"/Organisation/Inspector/{officerId}";
        var wrong = await client.PostFormAsync($"{page}?handler=Conflict", new() { ["ConflictCreditCode"] = "91500102XXXXXXXXXX", ["ConflictReason"] = "亲属" }, page);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var body = await wrong.Content.ReadAsStringAsync(Ct);
        Assert.Contains("名录中没有该统一社会信用代码", body, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required.</li>", body, StringComparison.Ordinal);

        var ok = await client.PostFormAsync($"{page}?handler=Conflict", new() { ["ConflictCreditCode"] = creditCode, ["ConflictReason"] = "配偶在该单位任职" }, page);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("配偶在该单位任职", await client.GetStringAsync(page, Ct), StringComparison.Ordinal);
        var audited = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().AuditEntries.AnyAsync(a => a.EntityType == "InspectorConflict", Ct));
        Assert.True(audited);
    }

    [Fact]
    public async Task A_draw_with_no_officer_whose_certificate_covers_the_window_is_refused()
    {
        var api = await ApiAsync();
        var ruleSetId = await RuleSetAsync("测试：无有效执法证", Water, new DrawRuleSpec
        {
            Period = DrawPeriodKind.Year,
            Quotas = [new() { Class = SupervisionClass.Special, Percent = 10 }],
        });
        var response = await api.PostAsJsonAsync("/api/v1/draws", new { ruleSetId, year = 2031, execute = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("没有执法证在 2031-01-01 至 2031-12-31 全程有效", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_rule_form_saves_a_copy_of_the_national_profile_for_a_campaign()
    {
        var client = await SignedInAsync();
        var (from, campaignId) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            return (await db.DrawRuleSets.Where(r => r.IsExample).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(Ct),
                await db.Campaigns.Where(c => c.Kind == Campaigns.CampaignKind.HazardousWasteSoil).Select(c => c.Id).FirstAsync(Ct));
        });
        var form = await client.GetStringAsync($"/Draws/RuleSet?From={from}", Ct);
        Assert.Contains("（副本）", form, StringComparison.Ordinal);
        var name = "固废专项季度抽查 " + Guid.NewGuid().ToString("N")[..6];
        var saved = await client.PostFormAsync("/Draws/RuleSet", new()
        {
            ["Input.Name"] = name, ["Input.CampaignId"] = $"{campaignId}", ["Input.Period"] = "Quarter",
            ["Input.Flags"] = "EnvironmentalRisk", ["Input.IndustryPrefixes"] = "C26，C27",
            ["Input.Rows[0].QuotaMode"] = "percent", ["Input.Rows[0].QuotaValue"] = "12.5", ["Input.Rows[0].CapMax"] = "1", ["Input.Rows[0].CapPer"] = "Quarter", ["Input.Rows[0].CoverageMin"] = "1",
            ["Input.Rows[1].QuotaMode"] = "perInspector", ["Input.Rows[1].QuotaValue"] = "2",
            ["Input.Rows[2].QuotaMode"] = "all",
            ["Input.Zones[0].Metres"] = "3000", ["Input.Zones[1].Metres"] = "300", ["Input.Zones[2].Enabled"] = "true", ["Input.Zones[2].Metres"] = "1500", ["Input.Zones[2].ChemicalOnly"] = "true",
            ["Input.TeamSize"] = "3", ["Input.AvoidPreviousInspector"] = "true",
        }, $"/Draws/RuleSet?From={from}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var spec = await App.WithScopeAsync(async sp => (await sp.GetRequiredService<EcoEnforceDb>().DrawRuleSets.FirstAsync(r => r.Name == name, Ct)).Spec);
        Assert.Equal([EntityFlag.EnvironmentalRisk], spec.Filter.Flags);
        Assert.Equal(["C26", "C27"], spec.Filter.IndustryPrefixes);
        Assert.Equal(12.5m, spec.Quotas.Single(q => q.Class == SupervisionClass.KeyPolluter).Percent);
        Assert.Equal(2, spec.Quotas.Single(q => q.Class == SupervisionClass.Ordinary).PerInspector);
        Assert.True(spec.Quotas.Single(q => q.Class == SupervisionClass.Special).All);
        var river = Assert.Single(spec.Filter.Zones);
        Assert.Equal((Places.PlaceKind.River, 1500d, true), (river.Kind, river.Metres, river.ChemicalOnly));
        Assert.Equal(3, spec.TeamSize);
        Assert.Single(spec.Caps);
        Assert.Single(spec.Coverage);

        var bad = await client.PostFormAsync("/Draws/RuleSet", new() { ["Input.Name"] = name + "x", ["Input.CampaignId"] = $"{campaignId}", ["Input.TeamSize"] = "1" },
            $"/Draws/RuleSet?From={from}");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("不得少于 2 人", errors, StringComparison.Ordinal);
        Assert.Contains("至少为一类检查对象设定抽查比例", errors, StringComparison.Ordinal);
    }
}

public abstract partial class AppTests<TApp>
{
    /// <summary>The demo data are generated from a fixed seed, so the same rules freeze the same pool on SQLite and
    /// PostgreSQL, byte for byte: the digests and a draw's result are pinned here, and both providers must produce them.</summary>
    [Fact]
    public async Task The_same_rules_freeze_the_same_pool_on_both_databases()
    {
        App.SkipIfUnavailable();
        var built = await App.WithScopeAsync(async sp =>
        {
            var spec = new DrawRuleSpec
            {
                Filter = new PoolFilter { Classes = [SupervisionClass.Special], IncludePositiveList = true },
                Quotas = [new() { Class = SupervisionClass.Special, Percent = 30 }],
            };
            return (await sp.GetRequiredService<DrawPool>().BuildAsync(spec, new DrawWindow(new(2022, 7, 1), new(2022, 9, 30), new(2022, 7, 1), new(2022, 9, 30)), Ct)).Value!;
        });
        // Conflicts and previous officers depend on what other tests in this fixture did first; they are tested apart.
        var frozen = built with { Objects = [.. built.Objects.Select(o => o with { Conflicts = [], PreviousInspectors = [] })] };
        var digests = DrawCanonical.Digests(frozen.Rules, frozen.Objects, frozen.Inspectors);
        Assert.Equal("ab6430550848771302bb11dc2e24528dcd5e1d29816e8b88c9e109b074c3a46e", digests.Pool);
        Assert.Equal("dfa881dc45f7f41bec04ee3a71bc5206d829de1a7832f0a033106eaa06180a50", digests.Inspectors);
        var seed = System.Security.Cryptography.SHA256.HashData("same-on-both"u8);
        var outcome = DrawAlgorithm.Draw(new DrawInput(frozen.Rules, frozen.Objects, frozen.Inspectors, seed)).Value!;
        Assert.Equal("579Y:21+07,629B:39+11,264L:29+40,5343:24+34,617F:03+31,527X:15+22,311Y:20+25", string.Join(",", outcome.Tasks.Select(t => t.ObjectKey[^4..] + ":" + string.Join("+", t.InspectorKeys.Select(k => k[^2..])))));
    }
}

public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task A_redraw_is_not_cut_short_by_the_caps_its_predecessor_used_up()
    {
        var api = await ApiAsync();
        var ruleSetId = await RuleSetAsync("测试：重抽与上限", Water, new DrawRuleSpec
        {
            Quotas = [new() { Class = SupervisionClass.KeyPolluter, Percent = 50 }],
            Caps = [new() { Class = SupervisionClass.KeyPolluter, MaxRoutine = 1, Per = DrawPeriodKind.Quarter }],
        });
        var first = await DrawAsync(api, new { ruleSetId, year = 2028, quarter = 1, execute = true });
        var again = await DrawAsync(api, new { ruleSetId, year = 2028, quarter = 1, replacesDrawId = first.GetProperty("id").GetInt32(), reason = "原抽查时段安排冲突", execute = true });
        Assert.Equal(first.GetProperty("poolSize").GetInt32(), again.GetProperty("poolSize").GetInt32());
        Assert.Equal(first.GetProperty("tasks").GetArrayLength(), again.GetProperty("tasks").GetArrayLength());

        var executeAgain = await api.PostAsync($"/api/v1/draws/{again.GetProperty("id").GetInt32()}/execute", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, executeAgain.StatusCode);
        Assert.Contains("已执行", await executeAgain.Content.ReadAsStringAsync(Ct));
    }
}
