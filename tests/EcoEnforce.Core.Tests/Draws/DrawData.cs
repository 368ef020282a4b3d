using System.Security.Cryptography;
using System.Text;
using EcoEnforce.Draws;

namespace EcoEnforce.Core.Tests.Draws;

/// <summary>Small draw inputs; every test states only the parts it is about.</summary>
internal static class DrawData
{
    public static byte[] Seed(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    public static DrawRules Rules(params StratumQuota[] quotas) =>
        new(DrawRules.CurrentVersion, quotas, TeamSize: 2, LeadDepartment: null, AvoidPreviousInspector: false);

    public static PoolObject Object(string key, string stratum = "Ordinary", string[]? conflicts = null, string[]? previous = null) =>
        new(key, $"单位{key}", stratum, conflicts ?? [], previous ?? []);

    public static List<PoolObject> Objects(int count, string stratum = "Ordinary", string prefix = "O") =>
        [.. Enumerable.Range(1, count).Select(i => Object($"{prefix}{i:D3}", stratum))];

    public static List<PoolInspector> Inspectors(int count, string department = "执法支队", string prefix = "I") =>
        [.. Enumerable.Range(1, count).Select(i => new PoolInspector($"{prefix}{i:D3}", $"执法员{prefix}{i}", department))];

    public static DrawOutcome Run(DrawInput input)
    {
        var result = DrawAlgorithm.Draw(input);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    /// <summary>Outcomes hold lists, which records compare by reference; the export's JSON compares them by value.</summary>
    public static string Text(DrawOutcome outcome) =>
        string.Join("\n", outcome.Tasks.Select(t => $"{t.Order} {t.ObjectKey} {t.Stratum} {string.Join(",", t.InspectorKeys)}"))
        + "\n" + string.Join("\n", outcome.Counts) + "\n" + outcome.Digests;

    /// <summary>The fixed test vector of docs/draw-algorithm.md.</summary>
    public static DrawInput Vector() => new(
        new DrawRules(1, [new StratumQuota("KeyPolluter", Percent: 50m), new StratumQuota("Ordinary", PerInspector: 1), new StratumQuota("Special", All: true)],
            TeamSize: 2, LeadDepartment: "执法支队", AvoidPreviousInspector: true),
        [
            new("915001020000000011", "重庆甲化工有限公司", "KeyPolluter", ["ZF003"], []),
            new("915001020000000022", "重庆乙制药有限公司", "KeyPolluter", [], ["ZF001", "ZF004"]),
            new("915001020000000033", "重庆丙电镀有限公司", "KeyPolluter", [], []),
            new("915001020000000044", "重庆丁食品有限公司", "Ordinary", [], []),
            new("915001020000000055", "重庆戊建材有限公司", "Ordinary", ["ZF002"], []),
            new("915001020000000066", "重庆己印刷有限公司", "Ordinary", [], []),
            new("915001020000000077", "重庆庚纺织有限公司", "Ordinary", [], []),
            new("915001020000000088", "重庆辛汽修有限公司", "Ordinary", [], []),
            new("915001020000000099", "重庆壬医院", "Special", [], []),
        ],
        [
            new("ZF001", "张一", "执法支队"),
            new("ZF002", "李二", "执法支队"),
            new("ZF003", "王三", "大气科"),
            new("ZF004", "赵四", "水科"),
        ],
        Seed("EcoEnforce-Draw-1 test vector"));
}
