using EcoEnforce.Complaints;

namespace EcoEnforce.Core.Tests.Complaints;

public sealed class CategorySuggestionTests
{
    [Theory]
    [InlineData("太白大道18号工地每天晚上十一点后还在施工，机器轰鸣，严重扰民", ComplaintCategory.Noise)]
    [InlineData("小区楼下广场舞音响声音太大", ComplaintCategory.Noise)]
    [InlineData("楼下烧烤店油烟直排，家里全是油烟味", ComplaintCategory.Air)]
    [InlineData("工厂晚上偷偷冒黑烟，有刺鼻臭味", ComplaintCategory.Air)]
    [InlineData("养殖场污水直排溪沟，河道发黑", ComplaintCategory.Water)]
    [InlineData("有人在河边倾倒建筑垃圾和废渣", ComplaintCategory.SolidWaste)]
    [InlineData("咨询环评审批办理流程", ComplaintCategory.Other)]
    [InlineData("", ComplaintCategory.Other)]
    public void Suggests_the_category_with_most_keyword_hits(string text, ComplaintCategory expected) =>
        Assert.Equal(expected, CategorySuggestion.Suggest(text));
}
