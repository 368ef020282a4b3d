using EcoEnforce.Complaints;

namespace EcoEnforce.Core.Tests.Complaints;

public sealed class ComplaintRulesTests
{
    private static DateTime China(int hour, int minute) => new DateTime(2022, 6, 8, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(23, 30, true)]
    [InlineData(0, 10, true)]
    [InlineData(5, 59, true)]
    [InlineData(6, 0, false)]
    [InlineData(14, 0, false)]
    public void Night_is_22_to_06_China_time(int hour, int minute, bool night) =>
        Assert.Equal(night, ComplaintRules.IsNight(China(hour, minute)));

    [Fact]
    public void Coordinates_in_Fuling_pass() => Assert.Null(ComplaintRules.CheckCoordinates(29.716, 107.383));

    [Fact]
    public void Swapped_latitude_and_longitude_are_named_as_such()
    {
        var message = ComplaintRules.CheckCoordinates(107.383, 29.716);
        Assert.NotNull(message);
        Assert.Contains("经纬度可能填反", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coordinates_outside_the_district_say_so_without_suggesting_a_swap()
    {
        var message = ComplaintRules.CheckCoordinates(29.56, 106.55); // Chongqing city centre
        Assert.NotNull(message);
        Assert.Contains("不在涪陵区范围内", message, StringComparison.Ordinal);
        Assert.DoesNotContain("填反", message, StringComparison.Ordinal);
    }
}
