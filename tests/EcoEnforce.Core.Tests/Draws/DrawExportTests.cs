using System.Text;
using EcoEnforce.Draws;

namespace EcoEnforce.Core.Tests.Draws;

public class DrawExportTests
{
    private static readonly DrawMetadata Meta = new(
        "D-2025-007", "2025年第三季度一般排污单位双随机抽查", "水污染防治", "2025年第三季度",
        new DateTime(2025, 7, 1, 1, 0, 0, DateTimeKind.Utc), new DateTime(2025, 7, 3, 2, 30, 0, DateTimeKind.Utc));

    internal static DrawExport Export()
    {
        var input = DrawData.Vector();
        return DrawExport.Create(Meta, input, DrawData.Run(input));
    }

    private static DrawExport RoundTrip(DrawExport export)
    {
        using var file = new MemoryStream();
        DrawExportJson.Write(export, file);
        file.Position = 0;
        var read = DrawExportJson.Read(file);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors.Select(e => e.Message)));
        return read.Value!;
    }

    [Fact]
    public void Export_survives_the_file_and_verifies()
    {
        var read = RoundTrip(Export());

        var report = DrawVerifier.Verify(read);

        Assert.True(report.Passed, string.Join("\n", report.Differences));
        Assert.Empty(report.Differences);
        Assert.Equal(Meta, read.Draw);
        Assert.Equal(DrawExportJson.ToJson(Export()), DrawExportJson.ToJson(read));
    }

    [Fact]
    public void File_is_indented_camel_case_json_with_chinese_unescaped()
    {
        var json = DrawExportJson.ToJson(Export());

        Assert.Contains("\"format\": \"ecoenforce-draw-export\"", json, StringComparison.Ordinal);
        Assert.Contains("\"seedSha256\": ", json, StringComparison.Ordinal);
        Assert.Contains("重庆甲化工有限公司", json, StringComparison.Ordinal);
        Assert.Contains("\"percent\": 50", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"perInspector\": null", json, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<DrawExport, DrawExport>> Tamperings => new()
    {
        { "pool row name", e => e with { Pool = Replace(e.Pool, 2, o => o with { Name = o.Name + "（分厂）" }) } },
        { "pool row stratum", e => e with { Pool = Replace(e.Pool, 5, o => o with { Stratum = "KeyPolluter" }) } },
        { "pool row conflicts", e => e with { Pool = Replace(e.Pool, 0, o => o with { Conflicts = [] }) } },
        { "pool row removed", e => e with { Pool = [.. e.Pool.Skip(1)] } },
        { "inspector row", e => e with { Inspectors = Replace(e.Inspectors, 3, p => p with { Department = "执法支队" }) } },
        { "inspector name", e => e with { Inspectors = Replace(e.Inspectors, 0, p => p with { Name = "张壹" }) } },
        { "rule value", e => e with { Rules = e.Rules with { AvoidPreviousInspector = false } } },
        { "quota", e => e with { Rules = e.Rules with { Quotas = [new StratumQuota("KeyPolluter", Percent: 60), .. e.Rules.Quotas.Skip(1)] } } },
        { "seed", e => e with { Seed = "00" + e.Seed[2..] } },
        { "seed commitment", e => e with { SeedSha256 = "ff" + e.SeedSha256[2..] } },
        { "task object", e => e with { Tasks = Replace(e.Tasks, 1, t => t with { ObjectKey = "915001020000000033" }) } },
        { "task inspector", e => e with { Tasks = Replace(e.Tasks, 4, t => t with { InspectorKeys = [t.InspectorKeys[0], "ZF004"] }) } },
        { "task dropped", e => e with { Tasks = [.. e.Tasks.SkipLast(1)] } },
        { "count", e => e with { Counts = Replace(e.Counts, 1, c => c with { PoolSize = 6 }) } },
        { "digest", e => e with { Digests = e.Digests with { Rules = new string('0', 64) } } },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Any_change_to_the_export_fails_verification(string change, Func<DrawExport, DrawExport> tamper)
    {
        var report = DrawVerifier.Verify(RoundTrip(tamper(Export())));

        Assert.False(report.Passed, change);
        Assert.NotEmpty(report.Differences);
    }

    [Fact]
    public void Changed_pool_row_is_reported_as_a_digest_difference()
    {
        var export = Export();
        var report = DrawVerifier.Verify(export with { Pool = Replace(export.Pool, 2, o => o with { Name = "改名" }) });

        Assert.True(report.SeedMatchesCommitment);
        Assert.False(report.DigestsMatch);
        Assert.StartsWith("检查对象名录的摘要不一致", report.Differences[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_seed_is_reported_against_the_commitment()
    {
        var export = Export();
        var report = DrawVerifier.Verify(export with { Seed = Convert.ToHexStringLower(DrawData.Seed("another")) });

        Assert.False(report.SeedMatchesCommitment);
        Assert.False(report.TasksMatch);
        Assert.Contains("种子承诺", report.Differences[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "不是有效的 JSON")]
    [InlineData("", "不是有效的 JSON")]
    [InlineData("""{ "format": "ecoenforce-draw-export" }""", "缺少必需字段")]
    [InlineData("[1, 2]", "不是有效的 JSON")]
    public void Malformed_file_gives_a_clear_error(string text, string expected)
    {
        var result = DrawExportJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"format\": \"ecoenforce-draw-export\"", "\"format\": \"something-else\"", "不是抽取导出文件")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 2", "不支持的导出格式版本 2")]
    [InlineData("\"algorithm\": \"EcoEnforce-Draw-1\"", "\"algorithm\": \"EcoEnforce-Draw-9\"", "未知的抽取算法「EcoEnforce-Draw-9」")]
    public void Foreign_format_version_or_algorithm_is_refused(string from, string to, string expected)
    {
        var json = DrawExportJson.ToJson(Export()).Replace(from, to, StringComparison.Ordinal);

        var result = DrawExportJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_row_is_refused_rather_than_crashing()
    {
        var json = DrawExportJson.ToJson(Export()).Replace("\"pool\": [", "\"pool\": [ null,", StringComparison.Ordinal);

        var result = DrawExportJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.False(result.Succeeded);
        Assert.Contains("null", result.Errors[0].Message, StringComparison.Ordinal);
    }

    private static List<T> Replace<T>(IReadOnlyList<T> rows, int index, Func<T, T> change)
    {
        var list = rows.ToList();
        list[index] = change(list[index]);
        return list;
    }
}
