using System.Text.Json;
using System.Text.Json.Serialization;
using EcoEnforce.Places;
using EcoEnforce.Registry;

namespace EcoEnforce.Draws;

public enum DrawPeriodKind
{
    Quarter = 0,
    Year = 1,
}

/// <summary>Registry flags a pool may require (any of them).</summary>
public enum EntityFlag
{
    AutoMonitoringKeyUnit = 0,
    NuclearTechUser = 1,
    EnvironmentalRisk = 2,
    Chemical = 3,
    ConstructionSite = 4,
}

/// <summary>Which registry entities a draw may pick from. Empty lists mean "no restriction".</summary>
public sealed record PoolFilter
{
    public List<SupervisionClass> Classes { get; init; } = [];
    /// <summary>An entity qualifies when it has any of these flags.</summary>
    public List<EntityFlag> Flags { get; init; } = [];
    /// <summary>GB/T 4754 code prefixes, e.g. "C26" for the chemical industry.</summary>
    public List<string> IndustryPrefixes { get; init; } = [];
    public List<IndustrialPark> Parks { get; init; } = [];
    public List<int> TownshipIds { get; init; } = [];
    /// <summary>When any is given, only entities inside at least one zone qualify.</summary>
    public List<ZoneFilter> Zones { get; init; } = [];
    /// <summary>正面清单 entities are supervised off-site and left out of routine draws unless this is set.</summary>
    public bool IncludePositiveList { get; init; }
}

/// <summary>Entities within <see cref="Metres"/> of places of a kind: air stations (of the given levels; 3 km by
/// default), exam venues whose exam dates fall in the inspection window (300 m), the Yangtze and Wujiang (1 km,
/// chemical enterprises only by default).</summary>
public sealed record ZoneFilter
{
    public PlaceKind Kind { get; init; }
    public double Metres { get; init; }
    public List<StationLevel> Levels { get; init; } = [];
    public bool ChemicalOnly { get; init; }
}

/// <summary>How many of a class to draw per period: a percentage of the pool, "1 officer : N entities", or all;
/// counts are rounded up. Exactly one of the three is set.</summary>
public sealed record ClassQuota
{
    public SupervisionClass Class { get; init; }
    public decimal? Percent { get; init; }
    public int? PerInspector { get; init; }
    public bool All { get; init; }
}

/// <summary>At most <see cref="MaxRoutine"/> routine (双随机) inspections of an entity of the class per period;
/// case-triggered checks (complaint, referral, data lead) do not count.</summary>
public sealed record FrequencyCap
{
    public SupervisionClass Class { get; init; }
    public int MaxRoutine { get; init; }
    public DrawPeriodKind Per { get; init; }
}

/// <summary>Every entity of the class inspected at least <see cref="MinPerYear"/> times a year (e.g. every 重点 unit once).</summary>
public sealed record CoverageDuty
{
    public SupervisionClass Class { get; init; }
    public int MinPerYear { get; init; } = 1;
}

/// <summary>风险分层: within each class drawn by percentage or per officer, the <see cref="TopPercent"/> of its eligible pool
/// with the highest modelled risk (精准执法 model, as of the window's first day) forms a stratum of its own, drawn at
/// <see cref="HighPercent"/>; the rest keeps the class's quota. The strata are frozen into the pool before the seed is
/// revealed, so the draw inside each stratum stays random and verifiable without the model.</summary>
public sealed record RiskStrata
{
    public decimal TopPercent { get; init; }
    public decimal HighPercent { get; init; }
}

/// <summary>A draw's rules as data: pool, ratios, caps, team. Stored as JSON on the rule set and copied, frozen,
/// into every draw made with it.</summary>
public sealed record DrawRuleSpec
{
    public DrawPeriodKind Period { get; init; } = DrawPeriodKind.Quarter;
    public PoolFilter Filter { get; init; } = new();
    public List<ClassQuota> Quotas { get; init; } = [];
    public List<FrequencyCap> Caps { get; init; } = [];
    public List<CoverageDuty> Coverage { get; init; } = [];
    public int TeamSize { get; init; } = 2;
    /// <summary>Every team includes an officer of this department (e.g. the 执法支队).</summary>
    public int? LeadDepartmentId { get; init; }
    /// <summary>Not the officers of the entity's previous inspection.</summary>
    public bool AvoidPreviousInspector { get; init; }
    public RiskStrata? Risk { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DrawRuleSpec FromJson(string json) =>
        JsonSerializer.Deserialize<DrawRuleSpec>(json, Json) ?? throw new JsonException("empty rule spec");
}
