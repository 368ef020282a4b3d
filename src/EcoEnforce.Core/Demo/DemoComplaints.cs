using EcoEnforce.Complaints;
using EcoEnforce.Places;
using EcoEnforce.Registry;

namespace EcoEnforce.Demo;

/// <summary>Fictitious 2022 complaints (texts end in （示例）, IsDemo set) with three hot spots planted where a
/// newcomer can find them: night-time piling at a city construction site in July (with repeat calls the same night),
/// night work next to an exam venue during the 高考 (urgent), and odour round a Baitao park chemical plant in
/// September — plus scattered complaints through the year. Deterministic; matching and merging are left to the
/// ordinary intake so the demo shows what it really does.</summary>
public static class DemoComplaints
{
    private static readonly string[] NightNoise =
    [
        "工地夜间施工，打桩机轰鸣，严重扰民", "晚上十一点后工地还在浇筑混凝土，噪音很大", "工地半夜施工，机器声吵得无法入睡",
        "夜间渣土车进出工地，鸣笛扰民", "凌晨还在切割钢筋，噪声扰民",
    ];
    private static readonly string[] Odour = ["化工厂方向传来刺鼻臭味", "厂区排放废气，有恶臭", "晚上闻到很重的化学异味", "烟囱冒黑烟，气味刺鼻"];
    private static readonly string[] Scattered =
    [
        "餐馆油烟直排，楼上住户受影响", "小区旁广场舞音响声音过大", "河边有人倾倒建筑垃圾", "养殖场污水直排溪沟，水体发黑",
        "厂房粉尘较大，附近车辆上落满灰尘", "汽修店喷漆气味刺鼻", "工地扬尘未覆盖", "夜间KTV音响扰民", "废品站露天堆放固废",
    ];

    public static List<Complaint> Generate(IReadOnlyList<Enterprise> enterprises, IReadOnlyList<Place> places)
    {
        var random = new Random(DemoData.Seed + 12345);
        var list = new List<Complaint>();
        var number = 0;

        void Add(DateTime chinaTime, string text, double lat, double lon, string? address, ComplaintChannel channel = ComplaintChannel.Hotline12345)
        {
            list.Add(new Complaint
            {
                Channel = channel,
                ExternalNumber = channel is ComplaintChannel.Hotline12345 or ComplaintChannel.Hotline12369 ? $"SL2022{++number:D6}" : null,
                ReceivedAtUtc = DateTime.SpecifyKind(chinaTime - Common.ChinaTime.Offset, DateTimeKind.Utc),
                Text = text + DemoData.Suffix,
                Address = address,
                Latitude = Math.Round(lat, 6),
                Longitude = Math.Round(lon, 6),
                ComplainantName = DemoNames.Person(random),
                ComplainantPhone = DemoNames.Phone(random),
                IsDemo = true,
            });
        }

        double Jitter(double metres) => (random.NextDouble() - 0.5) * 2 * metres / 111_195;

        // 1. A city construction site, July: night piling, several calls some nights.
        var site = enterprises.First(e => e.IsConstructionSite && e.Park == IndustrialPark.None);
        for (var day = 0; day < 12; day++)
        {
            var calls = day % 3 == 0 ? 2 : 1;
            for (var k = 0; k < calls; k++)
            {
                var at = new DateTime(2022, 7, 4 + day, 22, 0, 0).AddMinutes(random.Next(0, 240) + k * 20);
                Add(at, NightNoise[random.Next(NightNoise.Length)], site.Latitude + Jitter(120), site.Longitude + Jitter(120), site.Address);
            }
        }

        // 2. Next to an exam venue during the 高考: urgent.
        var venue = places.First(p => p.Kind == PlaceKind.ExamVenue);
        for (var k = 0; k < 5; k++)
        {
            // More than a day apart, so each is its own event rather than a repeat call merged into the first.
            var at = new DateTime(2022, 6, 6, 21, 0, 0).AddHours(k * 25.5).AddMinutes(random.Next(0, 20));
            Add(at, "考点附近工地夜间施工，影响考生休息", venue.Latitude + Jitter(150), venue.Longitude + Jitter(150), null,
                k == 2 ? ComplaintChannel.Hotline12369 : ComplaintChannel.Hotline12345);
        }

        // 3. A Baitao park chemical plant, September: odour by day and night.
        var plant = enterprises.First(e => e.Park == IndustrialPark.Baitao && e.IsAutoMonitoringKeyUnit);
        for (var k = 0; k < 8; k++)
        {
            var at = new DateTime(2022, 9, 12, 8, 0, 0).AddHours(k * 30 + random.Next(0, 5));
            Add(at, Odour[random.Next(Odour.Length)], plant.Latitude + Jitter(200), plant.Longitude + Jitter(200), plant.Address);
        }

        // 4. Scattered through the year, at or near other entities; letters and visits carry no coordinates.
        var others = enterprises.Where(e => !e.IsConstructionSite && e.Park == IndustrialPark.None).ToList();
        for (var k = 0; k < 40; k++)
        {
            var e = others[random.Next(others.Count)];
            var at = new DateTime(2022, 1, 3, 7, 0, 0).AddDays(k * 9 + random.Next(0, 5)).AddHours(random.Next(0, 17));
            var channel = k % 10 == 3 ? ComplaintChannel.Letter : k % 10 == 7 ? ComplaintChannel.Visit : ComplaintChannel.Hotline12345;
            Add(at, Scattered[random.Next(Scattered.Length)], e.Latitude + Jitter(80), e.Longitude + Jitter(80), e.Address, channel);
            if (channel is ComplaintChannel.Letter or ComplaintChannel.Visit) (list[^1].Latitude, list[^1].Longitude) = (null, null);
        }
        return list;
    }
}
