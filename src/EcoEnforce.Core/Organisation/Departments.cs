namespace EcoEnforce.Organisation;

/// <summary>The units of Fuling District that the 2022 plan names or addresses. Seeded once; editable data afterwards.</summary>
public static class Departments
{
    public const string BureauName = "重庆市涪陵区生态环境局";

    public static readonly (string Name, string ShortName)[] Sections =
    [
        ("涪陵区生态环境保护综合行政执法支队", "执法支队"),
        ("水生态环境科", "水科"),
        ("大气环境科", "大气科"),
        ("土壤和固体废物科", "土固科"),
        ("自然生态保护科", "生态科"),
        ("行政审批科", "审批科"),
        ("涪陵区生态环境监测站", "监测站"),
        ("办公室", "办公室"),
    ];

    public static readonly (string Name, string ShortName)[] Partners =
    [
        ("涪陵区河长制办公室", "区河长办"),
        ("涪陵区公安局", "区公安局"),
        ("涪陵区住房和城乡建设委员会", "区住房城乡建委"),
        ("涪陵区卫生健康委员会", "区卫生健康委"),
        ("涪陵区人民检察院", "区检察院"),
        ("涪陵区人民法院", "区法院"),
        ("涪陵区司法局", "区司法局"),
        ("涪陵区林业局", "区林业局"),
    ];

    public const string ParkAdministration = "涪陵高新区管委会";

    public static readonly string[] Streets =
    [
        "敦仁街道", "崇义街道", "荔枝街道", "江北街道", "江东街道", "李渡街道", "龙桥街道", "白涛街道", "马鞍街道",
    ];

    public static readonly string[] Townships =
    [
        "南沱镇", "青羊镇", "百胜镇", "珍溪镇", "清溪镇", "焦石镇", "马武镇", "龙潭镇", "蔺市镇", "新妙镇",
        "石沱镇", "义和镇", "罗云镇", "大顺镇", "增福镇", "同乐镇", "武陵山镇", "大木镇",
    ];

    public static IEnumerable<Department> All()
    {
        var order = 0;
        yield return new Department { Name = BureauName, ShortName = "区生态环境局", Kind = DepartmentKind.Bureau, SortOrder = order++ };
        foreach (var (name, shortName) in Sections)
            yield return new Department { Name = name, ShortName = shortName, Kind = DepartmentKind.Section, SortOrder = order++ };
        foreach (var (name, shortName) in Partners)
            yield return new Department { Name = name, ShortName = shortName, Kind = DepartmentKind.Partner, SortOrder = order++ };
        yield return new Department { Name = ParkAdministration, ShortName = "高新区管委会", Kind = DepartmentKind.ParkAdministration, SortOrder = order++ };
        foreach (var name in Streets)
            yield return new Department { Name = name, ShortName = name, Kind = DepartmentKind.Street, SortOrder = order++ };
        foreach (var name in Townships)
            yield return new Department { Name = name, ShortName = name, Kind = DepartmentKind.Township, SortOrder = order++ };
    }
}
