using System.Security.Cryptography;
using EcoEnforce.Accounts;
using EcoEnforce.Campaigns;
using EcoEnforce.Common;
using EcoEnforce.Demo;
using EcoEnforce.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EcoEnforce.Data;

/// <summary>Brings any database, empty or not, to the current schema and fills what a first start needs: the
/// departments, the 2022 plan, the demo data (unless turned off), the roles and the first administrator.
/// Safe to run on every start and on several nodes at once (PostgreSQL advisory lock).</summary>
public sealed class DatabaseInitializer(
    EcoEnforceDb db,
    DatabaseOptions options,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration config,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    private const long AdvisoryLockKey = 0x45636f456e66; // "EcoEnf"

    public async Task InitializeAsync(IProgress<string>? progress, CancellationToken ct)
    {
        var postgres = options.Provider == DatabaseProvider.Postgres;
        if (postgres)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        }
        try
        {
            progress?.Report("迁移数据库结构");
            await db.Database.MigrateAsync(ct);
            if (!postgres)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            else
                await EnsureReadingPartitionsAsync(ct);
            // History written before the audit chain existed enters it once, in id order, before anything new is chained.
            if (await Auditing.AuditChain.SealUnsealedAsync(db, onlyIntoEmptyChain: true, ct) is > 0 and var legacy)
                progress?.Report($"已将此前的 {legacy} 条审计记录按编号顺序纳入哈希链");

            await SeedDepartmentsAsync(progress, ct);
            await SeedPlanAsync(progress, ct);
            await SeedDrawRulesAsync(ct);
            if (options.Demo) await SeedDemoAsync(progress, ct);
            await SeedRolesAndAdminAsync(progress, ct);
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({AdvisoryLockKey})", ct);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Monthly partitions of Readings for this month and the next twelve (PostgreSQL); idempotent.</summary>
    private async Task EnsureReadingPartitionsAsync(CancellationToken ct)
    {
        var month = ChinaTime.Today(clock);
        var first = new DateOnly(month.Year, month.Month, 1);
        await db.Database.ExecuteSqlAsync($"SELECT ecoenforce_ensure_reading_partitions({first}, 13)", ct);
    }

    private async Task SeedDepartmentsAsync(IProgress<string>? progress, CancellationToken ct)
    {
        if (await db.Departments.AnyAsync(ct)) return;
        progress?.Report("写入部门和乡镇街道");
        var all = Departments.All().ToList();
        var bureau = all[0];
        foreach (var section in all.Where(d => d.Kind == DepartmentKind.Section)) section.Parent = bureau;
        db.Departments.AddRange(all);
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedPlanAsync(IProgress<string>? progress, CancellationToken ct)
    {
        if (await db.Plans.AnyAsync(ct)) return;
        progress?.Report("载入2022年现场检查计划");
        var departments = await db.Departments.ToListAsync(ct);
        var plan = PlanSeed.Load2022(departments, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        plan.LineageId = plan.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task SeedDrawRulesAsync(CancellationToken ct)
    {
        if (await db.DrawRuleSets.AnyAsync(ct)) return;
        var first = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(ct);
        var campaigns = await db.Campaigns.Where(c => c.PlanId == first).ToListAsync(ct);
        db.DrawRuleSets.AddRange(Draws.DrawRuleSeed.Build(campaigns, await db.Departments.ToListAsync(ct), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedDemoAsync(IProgress<string>? progress, CancellationToken ct)
    {
        if (await db.Enterprises.AnyAsync(ct) || await db.Inspectors.AnyAsync(ct)) return;
        progress?.Report("载入示例数据");
        var departments = await db.Departments.ToListAsync(ct);
        var demo = DemoData.Generate(departments);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Places.AddRange(demo.Places);
        db.Inspectors.AddRange(demo.Inspectors);
        db.Enterprises.AddRange(demo.Enterprises);
        db.MonitoringPoints.AddRange(demo.MonitoringPoints);
        await db.SaveChangesAsync(ct);
        var firstPlan = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(ct);
        var campaigns = await db.Campaigns.Where(c => c.PlanId == firstPlan).ToListAsync(ct);
        var (tasks, problems) = DemoInspections.Generate(demo.Enterprises, demo.Inspectors, campaigns, departments, clock.GetUtcNow().UtcDateTime);
        db.InspectionTasks.AddRange(tasks);
        await db.SaveChangesAsync(ct);
        foreach (var (task, problem) in problems) problem.TaskId = task.Id;
        db.Problems.AddRange(problems.Select(p => p.Problem));
        await db.SaveChangesAsync(ct);
        var complaints = DemoComplaints.Generate(demo.Enterprises, demo.Places);
        var intake = new Complaints.ComplaintIntake(db, config.GetSection(Complaints.ComplaintOptions.Section).Get<Complaints.ComplaintOptions>() ?? new());
        await intake.LoadAsync(ct);
        foreach (var complaint in complaints)
        {
            intake.Enrich(complaint);
            complaint.CreatedAtUtc = complaint.ReceivedAtUtc;
        }
        await intake.MergeDuplicatesAsync(complaints, ct);
        db.Complaints.AddRange(complaints);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Demo data loaded: {Enterprises} entities, {Inspectors} inspectors, {Places} places, {Tasks} inspections, {Problems} problems, {Complaints} complaints",
            demo.Enterprises.Count, demo.Inspectors.Count, demo.Places.Count, tasks.Count, problems.Count, complaints.Count);
    }

    private async Task SeedRolesAndAdminAsync(IProgress<string>? progress, CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));
        }
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;

        progress?.Report("创建管理员账号");
        var configured = config["ECOENFORCE_ADMIN_PASSWORD"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var admin = new AppUser
        {
            UserName = "admin",
            DisplayName = "系统管理员",
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(admin, password));
        Check(await users.AddToRoleAsync(admin, Roles.Admin));
        if (string.IsNullOrEmpty(configured))
        {
            // Printed once, never stored: whoever starts the app first must note it.
            Console.WriteLine("============================================================");
            Console.WriteLine($" 已创建管理员账号 admin，初始密码：{password}");
            Console.WriteLine(" 该密码只显示这一次，请立即登录并修改。");
            Console.WriteLine("============================================================");
        }
        logger.LogWarning("Created administrator account 'admin'");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", symbols = "!@#$%^&*-_+=";
        const string all = upper + lower + digits + symbols;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
