using System.Globalization;
using EcoEnforce.Common;

namespace EcoEnforce.Complaints;

/// <summary>One row of a complaint file checked and turned into a complaint (not yet matched or merged).</summary>
public static class ComplaintRow
{
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm",
        "yyyy年M月d日 H:mm:ss", "yyyy年M月d日 H:mm", "yyyy年M月d日H时m分", "yyyy-MM-ddTHH:mm:ss", "yyyyMMddHHmmss",
    ];

    public static (Complaint? Complaint, List<FieldError> Errors) Parse(Func<string, string?> cell, ComplaintChannel defaultChannel)
    {
        var errors = new List<FieldError>();
        var number = cell(ComplaintColumns.Number[0]);
        var text = cell(ComplaintColumns.Text[0]);
        var address = cell(ComplaintColumns.Address[0]);
        var name = cell(ComplaintColumns.Name[0]);
        foreach (var (column, value) in new[] { (ComplaintColumns.Text[0], text), (ComplaintColumns.Address[0], address), (ComplaintColumns.Name[0], name), (ComplaintColumns.Number[0], number) })
        {
            if (value is not null && ComplaintFile.LooksGarbled(value))
                errors.Add(new(column, "内容疑似乱码（文件编码错误），请确认文件为 UTF-8 或 GBK 编码后重新导出"));
        }

        if (string.IsNullOrWhiteSpace(text)) errors.Add(new(ComplaintColumns.Text[0], "不能为空"));
        else if (text.Length > 4000) errors.Add(new(ComplaintColumns.Text[0], "超过4000字"));
        if (address is { Length: > 300 }) errors.Add(new(ComplaintColumns.Address[0], "超过300字"));
        if (number is { Length: > 64 }) errors.Add(new(ComplaintColumns.Number[0], "超过64字"));

        var receivedText = cell(ComplaintColumns.Received[0]);
        DateTime? received = null;
        if (string.IsNullOrWhiteSpace(receivedText)) errors.Add(new(ComplaintColumns.Received[0], "不能为空"));
        else if (ParseChinaTime(receivedText) is { } utc) received = utc;
        else errors.Add(new(ComplaintColumns.Received[0], $"“{receivedText}”不是有效的时间，应如 2022-06-08 22:15"));

        var (lat, lon) = (cell(ComplaintColumns.Latitude[0]), cell(ComplaintColumns.Longitude[0]));
        double? latitude = null, longitude = null;
        if (!string.IsNullOrWhiteSpace(lat) || !string.IsNullOrWhiteSpace(lon))
        {
            if (!TryDegrees(lat, out var y)) errors.Add(new(ComplaintColumns.Latitude[0], $"“{lat}”不是有效的纬度"));
            else if (!TryDegrees(lon, out var x)) errors.Add(new(ComplaintColumns.Longitude[0], $"“{lon}”不是有效的经度"));
            else if (ComplaintRules.CheckCoordinates(y, x) is { } problem) errors.Add(new("经纬度", problem));
            else (latitude, longitude) = (y, x);
        }
        if (string.IsNullOrWhiteSpace(address) && latitude is null)
            errors.Add(new(ComplaintColumns.Address[0], "事发地址和经纬度至少填写一项"));

        var channel = defaultChannel;
        if (cell(ComplaintColumns.Channel[0]) is { } channelText && ParseChannel(channelText) is not { } parsed)
            errors.Add(new(ComplaintColumns.Channel[0], $"未知渠道“{channelText}”，可填 12345、12369、来信、来访、网络、其他"));
        else if (cell(ComplaintColumns.Channel[0]) is { } known) channel = ParseChannel(known)!.Value;

        if (errors.Count > 0) return (null, errors);
        return (new Complaint
        {
            Channel = channel,
            ExternalNumber = Clean(number),
            ReceivedAtUtc = received!.Value,
            Text = text!.Trim(),
            Address = Clean(address),
            Latitude = latitude,
            Longitude = longitude,
            ComplainantName = Clean(name),
            ComplainantPhone = Clean(cell(ComplaintColumns.Phone[0])),
        }, errors);
    }

    /// <summary>A China-time wall-clock text → UTC.</summary>
    public static DateTime? ParseChinaTime(string text)
    {
        var t = text.Trim();
        if (!DateTime.TryParseExact(t, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            // An Excel serial that reached us as a number (a cell not styled as a date).
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 30000 and < 80000)
                local = DateTime.FromOADate(serial);
            else return null;
        }
        // Before 0001-01-01 08:00 China time there is no UTC time to store.
        return local < DateTime.MinValue + ChinaTime.Offset ? null : DateTime.SpecifyKind(local - ChinaTime.Offset, DateTimeKind.Utc);
    }

    public static ComplaintChannel? ParseChannel(string text) => text.Trim() switch
    {
        var s when s.Contains("12345", StringComparison.Ordinal) => ComplaintChannel.Hotline12345,
        var s when s.Contains("12369", StringComparison.Ordinal) => ComplaintChannel.Hotline12369,
        "来信" or "信件" => ComplaintChannel.Letter,
        "来访" or "走访" => ComplaintChannel.Visit,
        "网络" or "网站" or "微信" or "公众号" => ComplaintChannel.Online,
        "其他" => ComplaintChannel.Other,
        _ => null,
    };

    private static bool TryDegrees(string? text, out double value)
    {
        value = 0;
        return text is not null && double.TryParse(text.Trim().TrimEnd('°'), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
