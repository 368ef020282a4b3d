namespace EcoEnforce.Complaints;

/// <summary>The Chinese names shown to people.</summary>
public static class ComplaintLabels
{
    public static string Of(ComplaintChannel c) => c switch
    {
        ComplaintChannel.Hotline12345 => "12345",
        ComplaintChannel.Hotline12369 => "12369",
        ComplaintChannel.Letter => "来信",
        ComplaintChannel.Visit => "来访",
        ComplaintChannel.Online => "网络",
        _ => "其他",
    };

    public static string Of(ComplaintCategory c) => c switch
    {
        ComplaintCategory.Noise => "噪声",
        ComplaintCategory.Water => "水",
        ComplaintCategory.Air => "大气",
        ComplaintCategory.SolidWaste => "固废",
        _ => "其他",
    };

    public static string Of(MatchStatus s) => s switch
    {
        MatchStatus.Auto => "自动匹配",
        MatchStatus.NeedsReview => "待人工确认",
        MatchStatus.Confirmed => "已确认",
        _ => "未匹配",
    };

    public static string Of(MatchMethod m) => m switch
    {
        MatchMethod.Coordinates => "坐标",
        MatchMethod.Address => "地址",
        MatchMethod.Manual => "人工",
        _ => "—",
    };

    public static string Of(ComplaintStatus s) => s switch
    {
        ComplaintStatus.Open => "待处理",
        ComplaintStatus.TaskCreated => "已派发任务",
        ComplaintStatus.Closed => "已办结",
        _ => "已合并",
    };

    /// <summary>138****5678: lists show that a number was left without showing it.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "";
        var p = phone.Trim();
        return p.Length <= 7 ? new string('*', p.Length) : p[..3] + new string('*', p.Length - 7) + p[^4..];
    }

    public static string MaskName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "" : Disclosure.PersonalDataMasker.MaskPersonName(name);
}
