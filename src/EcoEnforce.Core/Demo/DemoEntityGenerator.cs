using EcoEnforce.Organisation;
using EcoEnforce.Registry;

namespace EcoEnforce.Demo;

/// <summary>Builds the demo entities of each kind, spread over the parks and townships.</summary>
internal sealed class DemoEntityGenerator(Random r, IReadOnlyList<Department> departments)
{
    private static readonly DateTime Created = new(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly IndustrialPark[] _parks = [IndustrialPark.Lidu, IndustrialPark.Longqiao, IndustrialPark.Qingxi, IndustrialPark.Baitao];

    private static readonly (string Code, string Kind, bool Chemical)[] KeyIndustries =
    [
        ("C2614", "化工", true), ("C2631", "农药", true), ("C2710", "制药", true), ("C3011", "水泥", false),
        ("D4411", "发电", false), ("C3120", "钢铁", false), ("D4620", "污水处理", false), ("C2511", "石化", true),
        ("C2662", "新材料", true), ("C1512", "酒业", false),
    ];

    private static readonly (string Code, string Kind)[] OtherIndustries =
    [
        ("C1371", "榨菜食品"), ("C3021", "混凝土"), ("F5265", "加油站"), ("O8111", "汽车维修"), ("C3360", "表面处理"),
        ("C2921", "橡胶制品"), ("C3130", "金属制品"), ("N7724", "环保科技"), ("C2231", "纸业"), ("C1391", "饲料"),
        ("G5532", "货运码头"), ("C3099", "建材"),
    ];

    public Enterprise AutoMonitoringUnit(int i)
    {
        var (code, kind, chemical) = KeyIndustries[i % KeyIndustries.Length];
        var park = _parks[i % _parks.Length];
        var e = New($"{kind}有限公司", park, code, SupervisionClass.KeyPolluter);
        e.PermitType = PermitManagementType.Key;
        e.PermitNumber = $"{e.CreditCode}001P";
        e.IsAutoMonitoringKeyUnit = true;
        e.IsChemical = chemical;
        e.IsEnvironmentalRisk = chemical || i % 3 == 0;
        if (i % 5 == 0) AddPositiveList(e);
        return e;
    }

    public Enterprise NuclearTechUser(int i)
    {
        var (kind, code) = (i % 4) switch
        {
            0 => ("医院", "Q8411"),
            1 => ("口腔诊所", "Q8423"),
            2 => ("无损检测有限公司", "M7452"),
            _ => ("仪表有限公司", "C4014"),
        };
        var township = i % 3 == 0 ? RandomTownship() : CityStreet();
        var e = New(kind, IndustrialPark.None, code, i % 10 == 0 ? SupervisionClass.Special : SupervisionClass.Ordinary, township);
        e.IsNuclearTechUser = true;
        e.RadiationLicenceNumber = $"渝环辐证[{10100 + i:D5}]";
        if (i % 7 == 0) AddPositiveList(e);
        return e;
    }

    public Enterprise ConstructionSite(int i)
    {
        var park = i % 4 == 0 ? _parks[i / 4 % _parks.Length] : IndustrialPark.None;
        var e = New($"{(i % 2 == 0 ? "住宅" : "综合体")}项目施工工地", park, "E4710", SupervisionClass.Ordinary, park == IndustrialPark.None ? CityStreet() : null);
        e.IsConstructionSite = true;
        e.ConstructionStart = new DateOnly(2021, 3, 1).AddDays(r.Next(0, 450));
        e.ConstructionEnd = e.ConstructionStart.Value.AddDays(r.Next(300, 900));
        e.PermitType = PermitManagementType.None;
        return e;
    }

    public Enterprise Other(int i)
    {
        var (code, kind) = OtherIndustries[i % OtherIndustries.Length];
        var inPark = code.StartsWith('C') && i % 2 == 0;
        var park = inPark ? _parks[i % _parks.Length] : IndustrialPark.None;
        var supervision = i % 9 == 0 ? SupervisionClass.KeyPolluter : i % 17 == 0 ? SupervisionClass.Special : SupervisionClass.Ordinary;
        var e = New($"{kind}有限公司", park, code, supervision, inPark ? null : RandomTownship());
        e.PermitType = supervision == SupervisionClass.KeyPolluter ? PermitManagementType.Key : i % 3 == 0 ? PermitManagementType.Simplified : PermitManagementType.Registration;
        e.PermitNumber = e.PermitType == PermitManagementType.Registration ? $"{e.CreditCode}001W" : $"{e.CreditCode}001V";
        e.IsEnvironmentalRisk = i % 8 == 0;
        e.IsChemical = code == "C2921" && i % 2 == 0;
        if (i % 6 == 0) AddPositiveList(e);
        return e;
    }

    private Enterprise New(string kind, IndustrialPark park, string industryCode, SupervisionClass supervision, string? township = null)
    {
        township ??= park == IndustrialPark.None ? RandomTownship() : DemoGeography.ParkTownships[park];
        var (lat, lon) = DemoGeography.Centres[township];
        var spread = park == IndustrialPark.None ? 0.018 : 0.010;
        string name;
        do name = $"重庆{DemoNames.Word(r)}{DemoNames.Word(r)}{kind}{DemoData.Suffix}";
        while (!_names.Add(name));
        string code;
        do code = DemoNames.CreditCode(r);
        while (!_codes.Add(code));
        return new Enterprise
        {
            Name = name,
            CreditCode = code,
            Address = DemoNames.Address(r, township),
            TownshipId = departments.Single(d => d.Name == township).Id,
            Park = park,
            Latitude = Math.Round(lat + (r.NextDouble() - 0.5) * 2 * spread, 6),
            Longitude = Math.Round(lon + (r.NextDouble() - 0.5) * 2 * spread, 6),
            IndustryCode = industryCode,
            SupervisionClass = supervision,
            ContactName = DemoNames.Person(r),
            ContactPhone = DemoNames.Phone(r),
            IsDemo = true,
            CreatedAtUtc = Created,
            UpdatedAtUtc = Created,
        };
    }

    private void AddPositiveList(Enterprise e) => e.PositiveListEntries.Add(new PositiveListEntry
    {
        From = new DateOnly(2022, 1, 1),
        To = new DateOnly(2028, 12, 31),
        Reason = "近三年无环境违法记录，环境管理规范，自动监控数据稳定达标",
    });

    private string RandomTownship()
    {
        var names = DemoGeography.Centres.Keys.ToArray();
        return names[r.Next(names.Length)];
    }

    private string CityStreet() => (r.Next(5)) switch { 0 => "敦仁街道", 1 => "崇义街道", 2 => "荔枝街道", 3 => "江北街道", _ => "马鞍街道" };
}
