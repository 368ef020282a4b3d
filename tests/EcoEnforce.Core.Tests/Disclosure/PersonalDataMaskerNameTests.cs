using EcoEnforce.Disclosure;

namespace EcoEnforce.Core.Tests.Disclosure;

public sealed class PersonalDataMaskerNameTests
{
    [Theory]
    [InlineData("张三", "张某")]
    [InlineData("王小明", "王某")]
    [InlineData(" 李四 ", "李某")]
    [InlineData("欧阳娜娜", "欧阳某")]
    [InlineData("司马相如", "司马某")]
    [InlineData("诸葛亮", "诸葛某")]
    [InlineData("上官婉儿", "上官某")]
    [InlineData("尉迟恭", "尉迟某")]
    [InlineData("张", "某")]
    [InlineData("司马", "司某")]
    [InlineData("阿卜杜拉·艾买提", "阿某")]
    [InlineData("John Smith", "J某")]
    [InlineData("mary", "M某")]
    [InlineData("", "")]
    public void A_person_name_keeps_only_the_surname(string name, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.MaskPersonName(name));

    [Theory]
    [InlineData("张三")]
    [InlineData("欧阳娜娜")]
    [InlineData("张")]
    [InlineData("John Smith")]
    public void Masking_a_name_twice_is_the_same_as_once(string name)
    {
        var once = PersonalDataMasker.MaskPersonName(name);
        Assert.Equal(once, PersonalDataMasker.MaskPersonName(once));
    }

    [Fact]
    public void Known_names_are_masked_wherever_they_occur_in_free_text()
    {
        const string text = "经查，当事人王小明（个体工商户经营者）于2022年8月3日排放污水，证人欧阳娜娜、张三在场。王小明对事实无异议。";
        var masked = PersonalDataMasker.MaskNamesInText(text, ["王小明", "欧阳娜娜", "张三"]);
        Assert.Equal("经查，当事人王某（个体工商户经营者）于2022年8月3日排放污水，证人欧阳某、张某在场。王某对事实无异议。", masked);
        Assert.Equal(masked, PersonalDataMasker.MaskNamesInText(masked, ["王小明", "欧阳娜娜", "张三"]));
    }

    [Fact]
    public void The_longest_known_name_wins_and_one_character_names_are_ignored()
    {
        var masked = PersonalDataMasker.MaskNamesInText("王小明与王小及张某交谈", ["王小", "王小明", "张", " "]);
        Assert.Equal("王某与王某及张某交谈", masked);
    }

    [Fact]
    public void Latin_names_match_whole_words_ignoring_case() =>
        Assert.Equal("witness L某 saw L某; Link is a word",
            PersonalDataMasker.MaskNamesInText("witness Li saw LI; Link is a word", ["Li"]));

    [Theory]
    [InlineData("重庆市涪陵区李渡街道聚龙大道1号", "重庆市涪陵区李渡街道**")]
    [InlineData("重庆市涪陵区珍溪镇双石村3组12号", "重庆市涪陵区珍溪镇**")]
    [InlineData("重庆市涪陵区武陵山乡大山村", "重庆市涪陵区武陵山乡**")]
    [InlineData("涪陵区新妙镇", "涪陵区新妙镇")]
    [InlineData("江苏省镇江市丹徒区高资街道港口路8号", "江苏省镇江市丹徒区高资街道**")]
    [InlineData("山西省临汾市乡宁县昌宁镇新华街5号", "山西省临汾市乡宁县昌宁镇**")]
    [InlineData("重庆市涪陵区太极大道33号", "重庆市涪陵区**")]
    [InlineData("聚龙大道1号", "**")]
    public void An_individuals_address_keeps_the_township_and_drops_the_rest(string address, string expected)
    {
        var masked = PersonalDataMasker.MaskAddress(address);
        Assert.Equal(expected, masked);
        Assert.Equal(masked, PersonalDataMasker.MaskAddress(masked));
    }
}
