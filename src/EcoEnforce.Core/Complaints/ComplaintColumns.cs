namespace EcoEnforce.Complaints;

/// <summary>The columns of a 12345 work-order export and the other names the same column goes by in other
/// exports and hand-made sheets. The first name is the one error messages use.</summary>
public static class ComplaintColumns
{
    public static readonly string[] Number = ["工单编号", "工单号", "编号", "受理编号"];
    public static readonly string[] Received = ["受理时间", "来电时间", "登记时间", "诉求时间", "接件时间"];
    public static readonly string[] Text = ["诉求内容", "反映内容", "来电内容", "投诉内容", "举报内容", "内容"];
    public static readonly string[] Address = ["事发地址", "地址", "事发地点", "问题地址", "发生地址"];
    public static readonly string[] Longitude = ["经度", "事发经度", "lng", "lon", "longitude"];
    public static readonly string[] Latitude = ["纬度", "事发纬度", "lat", "latitude"];
    public static readonly string[] Name = ["诉求人", "来电人", "投诉人", "举报人", "姓名"];
    public static readonly string[] Phone = ["联系电话", "来电号码", "电话", "手机号码"];
    public static readonly string[] Channel = ["来源渠道", "渠道", "来源"];

    /// <summary>A file without these cannot be imported at all.</summary>
    public static readonly string[][] Required = [Received, Text];

    public static readonly string[][] All = [Number, Received, Text, Address, Longitude, Latitude, Name, Phone, Channel];

    /// <summary>Header text → the column it names (by its first name), ignoring spaces, a trailing * and case.</summary>
    public static string? Canonical(string header)
    {
        var h = new string([.. header.Where(c => !char.IsWhiteSpace(c))]).TrimEnd('*', '＊');
        foreach (var names in All)
        {
            if (names.Any(n => string.Equals(n, h, StringComparison.OrdinalIgnoreCase))) return names[0];
        }
        return null;
    }
}
