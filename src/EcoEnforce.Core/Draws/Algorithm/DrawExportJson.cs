using System.Text.Encodings.Web;
using System.Text.Json;
using EcoEnforce.Common;

namespace EcoEnforce.Draws;

/// <summary>The export file: indented UTF-8 JSON, camelCase, Chinese written as is so the file reads in any editor.</summary>
public static class DrawExportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // A missing or null field is an error, not a silent default that would change the draw.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };

    public static void Write(DrawExport export, Stream output) => JsonSerializer.Serialize(output, export, Options);

    public static string ToJson(DrawExport export) => JsonSerializer.Serialize(export, Options);

    public static Result<DrawExport> Read(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DrawExport? export;
        try
        {
            export = JsonSerializer.Deserialize<DrawExport>(input, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"（第 {line + 1} 行）" : "";
            return Result<DrawExport>.Fail("file", $"抽取导出文件不是有效的 JSON 或缺少必需字段{where}：{e.Message}");
        }
        if (export is null) return Result<DrawExport>.Fail("file", "抽取导出文件为空");
        if (!string.Equals(export.Format, DrawExport.FormatId, StringComparison.Ordinal))
            return Result<DrawExport>.Fail("format", $"不是抽取导出文件：format 为「{export.Format}」，应为「{DrawExport.FormatId}」");
        if (export.FormatVersion != DrawExport.CurrentFormatVersion)
            return Result<DrawExport>.Fail("formatVersion", $"不支持的导出格式版本 {export.FormatVersion}（本程序支持 {DrawExport.CurrentFormatVersion}）");
        if (!string.Equals(export.Algorithm, DrawAlgorithm.Id, StringComparison.Ordinal))
            return Result<DrawExport>.Fail("algorithm", $"未知的抽取算法「{export.Algorithm}」（本程序实现 {DrawAlgorithm.Id}）");
        // Nullable annotations do not reach list items, so a `null` row would otherwise surface as a crash.
        if (export.Rules.Quotas.Contains(null!) || export.Pool.Contains(null!) || export.Inspectors.Contains(null!)
            || export.Counts.Contains(null!) || export.Tasks.Contains(null!) || export.Tasks.Any(t => t.InspectorKeys.Contains(null!)))
            return Result<DrawExport>.Fail("file", "抽取导出文件中有空（null）的条目");
        return Result<DrawExport>.Ok(export);
    }
}
