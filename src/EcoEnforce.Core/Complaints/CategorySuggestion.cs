namespace EcoEnforce.Complaints;

/// <summary>Suggests a category from the complaint text by keyword. Staff confirm it on the item page, so the rules
/// favour being simple and explainable over being clever. The category with most keyword hits wins; ties go to the
/// order below (noise first: most 12345 environment calls in a city district are about noise).</summary>
public static class CategorySuggestion
{
    private static readonly (ComplaintCategory Category, string[] Words)[] Rules =
    [
        (ComplaintCategory.Noise, ["噪声", "噪音", "施工", "夜间作业", "夜间施工", "广场舞", "轰鸣", "机器声", "扰民", "吵", "鸣笛", "打桩", "切割声", "音响", "分贝"]),
        (ComplaintCategory.Water, ["污水", "废水", "排水", "直排", "河道", "水体", "发黑", "发臭的水", "排污口", "偷排", "水质", "死鱼", "江面", "溪沟"]),
        (ComplaintCategory.Air, ["臭味", "异味", "气味", "油烟", "粉尘", "扬尘", "灰尘", "烟尘", "冒烟", "黑烟", "烟雾", "废气", "焚烧", "刺鼻", "恶臭", "烟"]),
        (ComplaintCategory.SolidWaste, ["垃圾", "固废", "废渣", "渣土", "倾倒", "堆放", "危废", "危险废物", "建筑垃圾", "废料", "污泥"]),
    ];

    public static ComplaintCategory Suggest(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ComplaintCategory.Other;
        var best = ComplaintCategory.Other;
        var bestHits = 0;
        foreach (var (category, words) in Rules)
        {
            var hits = words.Count(w => text.Contains(w, StringComparison.Ordinal));
            if (hits > bestHits) (best, bestHits) = (category, hits);
        }
        return best;
    }
}
