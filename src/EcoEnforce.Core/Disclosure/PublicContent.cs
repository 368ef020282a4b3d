using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoEnforce.Disclosure;

/// <summary>A problem as disclosed with an inspection result: category, a masked summary, the rectification status at
/// publication.</summary>
public sealed record DisclosedProblem(string Category, string Summary, string Rectification);

/// <summary>双随机抽查结果 as published: who was inspected, when, under which campaign and draw, with what outcome.</summary>
public sealed record InspectionResultContent(
    string EntityName,
    string CreditCode,
    string? Township,
    DateOnly InspectedOn,
    IReadOnlyList<string> Campaigns,
    string? DrawTitle,
    /// <summary>The draw's published commitment (SHA-256 of its seed), so anyone can check the draw was not redone.</summary>
    string? DrawCommitment,
    string Outcome,
    IReadOnlyList<DisclosedProblem> Problems,
    string Authority);

public enum PartyKind
{
    /// <summary>法人或其他组织: name, 统一社会信用代码 and legal representative are public.</summary>
    Organisation = 0,
    /// <summary>自然人（含个体工商户经营者）: name shown as surname + 某, identifiers never.</summary>
    Individual = 1,
}

/// <summary>行政处罚决定 as published, in the order of the national disclosure template.</summary>
public sealed record PenaltyDecisionContent(
    string DecisionNumber,
    PartyKind PartyKind,
    string PartyName,
    string? CreditCode,
    string? LegalRepresentative,
    string Facts,
    string LegalBasis,
    string Penalty,
    decimal? FineWan,
    string Performance,
    string Authority,
    DateOnly DecidedOn);

public static class PublicJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string Serialize<T>(T content) => JsonSerializer.Serialize(content, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException("空的公开内容");
}
