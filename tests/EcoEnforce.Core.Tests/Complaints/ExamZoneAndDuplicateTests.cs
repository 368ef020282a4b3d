using EcoEnforce.Complaints;
using EcoEnforce.Places;

namespace EcoEnforce.Core.Tests.Complaints;

public sealed class ExamZoneAndDuplicateTests
{
    private static readonly IReadOnlyList<ExamZone> Zones =
        [new ExamZone("涪陵第一中学考点", PlaceGeometry.Parse("POINT (107.380 29.714)"), [new ExamPeriod("2022年高考", new(2022, 6, 7), new(2022, 6, 10))])];

    private static DateTime China(int month, int day, int hour) => new DateTime(2022, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    [Fact]
    public void Within_300_metres_during_the_exam_is_urgent()
    {
        var reason = ExamZones.UrgentReason(Zones, 29.714 + 0.002, 107.380, China(6, 8, 23), 300); // ~220 m north
        Assert.Equal("涪陵第一中学考点 2022年高考", reason);
    }

    [Theory]
    [InlineData(6, 6, 20, true)]  // the evening before the first day
    [InlineData(6, 6, 10, false)] // the morning before is not
    [InlineData(6, 11, 1, false)] // after the last day
    [InlineData(6, 10, 23, true)]
    public void Urgency_follows_the_exam_dates_and_the_evening_before(int month, int day, int hour, bool urgent) =>
        Assert.Equal(urgent, ExamZones.UrgentReason(Zones, 29.714, 107.380, China(month, day, hour), 300) is not null);

    [Fact]
    public void Beyond_300_metres_is_not_urgent() =>
        Assert.Null(ExamZones.UrgentReason(Zones, 29.714 + 0.004, 107.380, China(6, 8, 23), 300)); // ~445 m

    private static Complaint Make(DateTime at, string text, double lat = 29.716, double lon = 107.383, int? entity = null) =>
        new() { ReceivedAtUtc = at, Text = text, Latitude = lat, Longitude = lon, EnterpriseId = entity };

    [Fact]
    public void A_second_call_about_the_same_night_work_merges_into_the_first()
    {
        var first = Make(China(6, 8, 23), "太白大道工地夜间施工噪音扰民");
        var second = Make(China(6, 9, 1), "太白大道18号工地半夜施工，噪音太大", 29.7165, 107.3835);
        Assert.Same(first, Duplicates.OriginalOf(second, [first], new ComplaintOptions()));
    }

    [Fact]
    public void Same_place_two_days_later_is_a_new_event()
    {
        var first = Make(China(6, 8, 23), "太白大道工地夜间施工噪音扰民");
        var later = Make(China(6, 10, 23), "太白大道工地夜间施工噪音扰民");
        Assert.Null(Duplicates.OriginalOf(later, [first], new ComplaintOptions()));
    }

    [Fact]
    public void Unrelated_text_at_the_same_place_is_not_a_duplicate()
    {
        var first = Make(China(6, 8, 23), "太白大道工地夜间施工噪音扰民");
        var other = Make(China(6, 9, 9), "路边餐馆油烟直排");
        Assert.Null(Duplicates.OriginalOf(other, [first], new ComplaintOptions()));
    }

    [Fact]
    public void The_same_matched_entity_counts_as_the_same_place_even_far_apart()
    {
        var first = Make(China(6, 8, 23), "工地夜间施工噪音扰民", entity: 5);
        var second = Make(China(6, 9, 0), "工地夜间施工噪音", 29.73, 107.40, entity: 5);
        Assert.Same(first, Duplicates.OriginalOf(second, [first], new ComplaintOptions()));
    }
}
