using EcoEnforce.Organisation;
using EcoEnforce.Places;
using EcoEnforce.Registry;

namespace EcoEnforce.Demo;

public sealed record DemoDataSet(
    List<Enterprise> Enterprises, List<Inspector> Inspectors, List<Place> Places, List<Monitoring.MonitoringPoint> MonitoringPoints);

/// <summary>A fictitious, deterministic data set for Fuling in 2022 so that a newcomer sees a living system.
/// Every name ends in （示例）, every row has IsDemo set, and the same seed always gives the same rows.</summary>
public static class DemoData
{
    public const int Seed = 20220629;
    public const string Suffix = "（示例）";
    public const int AutoMonitoringUnits = 52;
    public const int NuclearTechUsers = 84;
    public const int ConstructionSites = 60;
    public const int OtherEntities = 230;
    public const int InspectorCount = 40;

    public static DemoDataSet Generate(IReadOnlyList<Department> departments)
    {
        var random = new Random(Seed);
        var generator = new DemoEntityGenerator(random, departments);
        var enterprises = new List<Enterprise>();
        for (var i = 0; i < AutoMonitoringUnits; i++) enterprises.Add(generator.AutoMonitoringUnit(i));
        for (var i = 0; i < NuclearTechUsers; i++) enterprises.Add(generator.NuclearTechUser(i));
        for (var i = 0; i < ConstructionSites; i++) enterprises.Add(generator.ConstructionSite(i));
        for (var i = 0; i < OtherEntities; i++) enterprises.Add(generator.Other(i));
        return new DemoDataSet(enterprises, Inspectors(random, departments), Places(), DemoMonitoring.For(enterprises));
    }

    private static List<Inspector> Inspectors(Random random, IReadOnlyList<Department> departments)
    {
        var enforcement = departments.Single(d => d.ShortName == "执法支队");
        var others = departments.Where(d => d.ShortName is "水科" or "大气科" or "土固科" or "生态科" or "监测站").ToList();
        var list = new List<Inspector>();
        for (var i = 0; i < InspectorCount; i++)
        {
            var department = i < 28 ? enforcement : others[i % others.Count];
            // A few certificates lapsed in 2022 so that validity rules have something to find; the rest stay valid
            // long enough for the demo to look alive whenever it is started.
            var validTo = i % 13 == 5 ? new DateOnly(2022, 5, 31) : new DateOnly(2030, 12, 31);
            list.Add(new Inspector
            {
                Name = DemoNames.Person(random),
                DepartmentId = department.Id,
                CertificateNumber = $"50010220{i + 1:D4}",
                CertificateValidFrom = new DateOnly(2020, 1, 1),
                CertificateValidTo = validTo,
                Phone = DemoNames.Phone(random),
                IsDemo = true,
            });
        }
        return list;
    }

    private static List<Place> Places()
    {
        var places = new List<Place>();
        void Point(PlaceKind kind, string name, StationLevel level, double lat, double lon, params PlaceActivePeriod[] periods) =>
            places.Add(new Place
            {
                Kind = kind, Name = name + Suffix, Level = level, Latitude = lat, Longitude = lon,
                GeometryWkt = FormattableString.Invariant($"POINT ({lon} {lat})"), IsDemo = true, ActivePeriods = [.. periods],
            });

        Point(PlaceKind.AirStation, "涪陵城区国控站", StationLevel.National, 29.712, 107.389);
        Point(PlaceKind.AirStation, "涪陵江北国控站", StationLevel.National, 29.741, 107.401);
        Point(PlaceKind.AirStation, "李渡市控站", StationLevel.Municipal, 29.768, 107.262);
        Point(PlaceKind.AirStation, "白涛市控站", StationLevel.Municipal, 29.566, 107.503);
        Point(PlaceKind.AirStation, "龙桥区控站", StationLevel.District, 29.755, 107.338);
        Point(PlaceKind.AirStation, "清溪区控站", StationLevel.District, 29.779, 107.575);
        Point(PlaceKind.AirStation, "马鞍区控站", StationLevel.District, 29.679, 107.349);
        Point(PlaceKind.AirStation, "蔺市区控站", StationLevel.District, 29.684, 107.158);

        var exams = new[]
        {
            new PlaceActivePeriod { Label = "2022年高考", Start = new DateOnly(2022, 6, 7), End = new DateOnly(2022, 6, 10) },
            new PlaceActivePeriod { Label = "2022年中考", Start = new DateOnly(2022, 6, 13), End = new DateOnly(2022, 6, 15) },
        };
        var venues = new (string Name, double Lat, double Lon)[]
        {
            ("涪陵第一中学考点", 29.714, 107.380), ("涪陵第二中学考点", 29.703, 107.396), ("涪陵第五中学考点", 29.736, 107.393),
            ("涪陵实验中学考点", 29.698, 107.366), ("江东中学考点", 29.724, 107.428), ("李渡中学考点", 29.773, 107.275),
            ("马鞍中学考点", 29.686, 107.356), ("白涛中学考点", 29.559, 107.514),
        };
        foreach (var (name, lat, lon) in venues)
            Point(PlaceKind.ExamVenue, name, StationLevel.None, lat, lon,
                [.. exams.Select(e => new PlaceActivePeriod { Label = e.Label, Start = e.Start, End = e.End })]);

        places.Add(new Place
        {
            Kind = PlaceKind.DrinkingWaterSource, Name = "长江涪陵城区段饮用水水源保护区" + Suffix, Latitude = 29.735, Longitude = 107.36,
            GeometryWkt = "POLYGON ((107.34 29.738, 107.37 29.733, 107.372 29.729, 107.342 29.733, 107.34 29.738))", IsDemo = true,
        });
        places.Add(new Place
        {
            Kind = PlaceKind.DrinkingWaterSource, Name = "乌江白涛段饮用水水源保护区" + Suffix, Latitude = 29.58, Longitude = 107.505,
            GeometryWkt = "POLYGON ((107.50 29.57, 107.51 29.57, 107.512 29.59, 107.502 29.59, 107.50 29.57))", IsDemo = true,
        });
        places.Add(new Place
        {
            Kind = PlaceKind.River, Name = "长江（涪陵段示意线）" + Suffix, Latitude = 29.722, Longitude = 107.39,
            GeometryWkt = DemoGeography.Yangtze, IsDemo = true,
        });
        places.Add(new Place
        {
            Kind = PlaceKind.River, Name = "乌江（涪陵段示意线）" + Suffix, Latitude = 29.55, Longitude = 107.51,
            GeometryWkt = DemoGeography.Wujiang, IsDemo = true,
        });
        return places;
    }
}
