using EcoEnforce.Complaints;

namespace EcoEnforce.Core.Tests.Complaints;

/// <summary>Matching on addresses as 12345 operators and the registry write them.</summary>
public sealed class AddressMatchingTests
{
    private const int Chongyi = 1, Lidu = 2, Jiangdong = 3;

    private static readonly MatchCandidate TaibaiSite = new(10, "太白大道安置房项目工地", "重庆市涪陵区崇义街道太白大道18号", 29.7160, 107.3830, Chongyi);
    private static readonly MatchCandidate TaibaiShop = new(11, "涪陵区某某汽车维修部", "崇义街道太白大道62号", 29.7185, 107.3862, Chongyi);
    private static readonly MatchCandidate JulongA = new(20, "重庆某某化工有限公司", "涪陵区李渡街道聚龙大道88号", 29.7702, 107.2671, Lidu);
    private static readonly MatchCandidate JulongB = new(21, "重庆某某新材料有限公司", "涪陵区李渡街道聚龙大道90号", 29.7711, 107.2690, Lidu);
    private static readonly MatchCandidate Brickworks = new(30, "江东某某砖厂", "涪陵区江东街道群沱子村3组", 29.7212, 107.4320, Jiangdong);

    private static ComplaintMatcher Matcher() => new([TaibaiSite, TaibaiShop, JulongA, JulongB, Brickworks], new ComplaintOptions());

    [Theory]
    [InlineData("重庆市涪陵区崇义街道太白大道１８号附近工地", "崇义街道太白大道18号工地")]
    [InlineData("涪陵区 江东街道 群沱子村3组", "江东街道群沱子村3组")]
    [InlineData("重庆涪陵李渡街道聚龙大道88号3栋2单元", "李渡街道聚龙大道88号")]
    public void Normalising_strips_the_district_prefix_width_spaces_and_units(string raw, string expected) =>
        Assert.Equal(expected, AddressText.Normalise(raw));

    [Fact]
    public void The_same_road_and_number_is_similar_whatever_else_surrounds_it()
    {
        Assert.True(AddressText.Similarity("重庆市涪陵区崇义街道太白大道18号附近工地", "崇义街道太白大道18号") >= 0.85);
        Assert.True(AddressText.Similarity("崇义街道太白大道18号", "崇义街道太白大道62号") < 0.85);
    }

    [Fact]
    public void A_hotline_address_with_road_and_number_matches_the_site_by_text_alone()
    {
        var match = Matcher().Match(null, null, "重庆市涪陵区崇义街道太白大道18号附近工地", Chongyi);
        Assert.Equal(TaibaiSite.Id, match.EnterpriseId);
        Assert.Equal(MatchMethod.Address, match.Method);
        Assert.Equal(MatchStatus.Auto, match.Status);
    }

    [Fact]
    public void An_address_without_a_usable_number_between_two_neighbours_goes_to_a_person()
    {
        var match = Matcher().Match(null, null, "涪陵区李渡街道聚龙大道xx号", Lidu);
        Assert.Contains(match.EnterpriseId, new int?[] { JulongA.Id, JulongB.Id });
        Assert.Equal(MatchStatus.NeedsReview, match.Status);
        Assert.InRange(match.Confidence, 0.3, 0.7);
    }

    [Fact]
    public void Coordinates_on_the_spot_match_with_high_confidence()
    {
        var match = Matcher().Match(29.7161, 107.3831, null, null);
        Assert.Equal(TaibaiSite.Id, match.EnterpriseId);
        Assert.Equal(MatchMethod.Coordinates, match.Method);
        Assert.True(match.Confidence > 0.9);
        Assert.Equal(MatchStatus.Auto, match.Status);
    }

    [Fact]
    public void Confidence_falls_with_distance_and_ends_at_the_radius()
    {
        var near = Matcher().Match(29.7160 + 0.0009, 107.3830, null, null); // ~100 m north
        var far = Matcher().Match(29.7160 - 0.0027, 107.3830, null, null); // ~300 m south
        var beyond = Matcher().Match(29.7160 - 0.0060, 107.3830, null, null); // ~670 m
        Assert.True(near.Confidence > far.Confidence);
        Assert.Equal(MatchStatus.NeedsReview, far.Status);
        Assert.Equal(MatchStatus.Unmatched, beyond.Status);
        Assert.Null(beyond.EnterpriseId);
    }

    [Fact]
    public void Coordinates_and_address_agreeing_strengthen_each_other()
    {
        var coordOnly = Matcher().Match(29.7160 - 0.0027, 107.3830, null, null);
        var both = Matcher().Match(29.7160 - 0.0027, 107.3830, "崇义街道太白大道18号", null);
        Assert.Equal(TaibaiSite.Id, both.EnterpriseId);
        Assert.True(both.Confidence > coordOnly.Confidence);
    }

    [Fact]
    public void A_different_township_in_the_address_lowers_confidence()
    {
        var same = Matcher().Match(null, null, "江东街道群沱子村3组砖厂", Jiangdong);
        var other = Matcher().Match(null, null, "江东街道群沱子村3组砖厂", Lidu);
        Assert.True(other.Confidence < same.Confidence);
    }

    [Fact]
    public void The_township_named_in_the_address_is_found()
    {
        Assert.Equal("李渡街道", AddressText.Township("涪陵区李渡街道聚龙大道xx号", ["李渡街道", "崇义街道", "江东街道"]));
        Assert.Null(AddressText.Township("太白大道18号", ["李渡街道", "崇义街道"]));
    }

    [Fact]
    public void Nothing_in_the_text_means_unmatched()
    {
        var match = Matcher().Match(null, null, "不详", null);
        Assert.Equal(MatchStatus.Unmatched, match.Status);
    }
}
