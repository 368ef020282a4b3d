using System.CommandLine;
using EcoEnforce.Auditing;
using EcoEnforce.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce audit verify [--expect-head HASH] [--seal]</c>: checks the audit hash chain and the stored
/// draws against it (docs/audit.md). Exit 0 when intact, 1 naming the first break, 2 for a malformed argument.</summary>
internal static class AuditCommands
{
    public static Command Create(Func<ServiceProvider> services)
    {
        var expectHead = new Option<string?>("--expect-head")
        {
            Description = "之前另行保存的链头哈希（64 位十六进制）：它必须仍在链中，否则说明最新的记录被删除或链被重算",
        };
        var seal = new Option<bool>("--seal") { Description = "先把尚未入链的审计记录按编号顺序纳入链尾（请先核实这些记录）" };
        var verify = new Command("verify", "校验审计记录哈希链和抽查记录是否被改动、删除、插入或调换") { expectHead, seal };
        verify.SetAction(async (parse, ct) =>
        {
            var head = parse.GetValue(expectHead)?.Trim();
            if (head is not null && (head.Length != 64 || !head.All(Uri.IsHexDigit)))
            {
                Console.Error.WriteLine($"--expect-head 应为 64 位十六进制的 SHA-256 哈希，收到“{head}”");
                return 2;
            }
            await using var provider = services();
            await using var scope = provider.CreateAsyncScope();
            if (parse.GetValue(seal))
            {
                var sealedCount = await AuditChain.SealUnsealedAsync(scope.ServiceProvider.GetRequiredService<EcoEnforceDb>(), onlyIntoEmptyChain: false, ct);
                Console.WriteLine($"已将 {sealedCount} 条未入链的审计记录纳入链尾。");
            }
            var report = await scope.ServiceProvider.GetRequiredService<VerifyAuditTrail.Handler>().HandleAsync(head, ct);
            return Print(report, head);
        });
        var audit = new Command("audit", "审计记录");
        audit.Subcommands.Add(verify);
        return audit;
    }

    private static int Print(VerifyAuditTrail.Report report, string? expectedHead)
    {
        if (report.Break is { } broken)
        {
            Console.Error.WriteLine($"审计链校验失败：{broken.Message}");
            Console.Error.WriteLine($"此前完好的记录 {report.Count} 条，最后完好的哈希 {report.HeadHash ?? "无"}");
        }
        if (report.Unsealed > 0)
            Console.Error.WriteLine($"有 {report.Unsealed} 条审计记录不在链中（最小 Id {report.FirstUnsealedId}）：可能绕过系统直接插入，或由旧版本写入；核实后可用 --seal 纳入链尾");
        foreach (var problem in report.DrawProblems) Console.Error.WriteLine($"抽查记录校验失败：{problem}");
        if (!report.Intact) return 1;

        Console.WriteLine($"审计链完整：共 {report.Count} 条记录，抽查记录与审计链一致。");
        Console.WriteLine($"链头：第 {report.Count} 条，哈希 {report.HeadHash ?? AuditHash.Genesis}");
        if (expectedHead is not null)
            Console.WriteLine($"之前记录的链头位于第 {report.ExpectedHeadAt} 条，其后新增 {report.Count - report.ExpectedHeadAt} 条。");
        Console.WriteLine("请把链头哈希另行保存（如打印存档），下次用 --expect-head 校验，才能发现最新记录被删除。");
        return 0;
    }
}
