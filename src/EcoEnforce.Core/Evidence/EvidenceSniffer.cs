using EcoEnforce.Common;

namespace EcoEnforce.Evidence;

/// <summary>The type found in the bytes and the extensions that may name it.</summary>
public sealed record EvidenceType(string ContentType, IReadOnlyList<string> Extensions);

/// <summary>Decides what a file really is from its first bytes (magic numbers) and refuses anything else, and any
/// name whose extension disagrees: an executable renamed .jpg must not be served back as an image, and a browser
/// given the stored type with nosniff will not run it.</summary>
public static class EvidenceSniffer
{
    /// <summary>Enough for every signature below.</summary>
    public const int HeaderLength = 16;

    public static readonly EvidenceType Jpeg = new("image/jpeg", [".jpg", ".jpeg"]);
    public static readonly EvidenceType Png = new("image/png", [".png"]);
    public static readonly EvidenceType Gif = new("image/gif", [".gif"]);
    public static readonly EvidenceType WebP = new("image/webp", [".webp"]);
    public static readonly EvidenceType Heic = new("image/heic", [".heic", ".heif"]);
    public static readonly EvidenceType Heif = new("image/heif", [".heif", ".heic"]);
    public static readonly EvidenceType Pdf = new("application/pdf", [".pdf"]);
    public static readonly EvidenceType Mp4 = new("video/mp4", [".mp4", ".m4v"]);
    public static readonly EvidenceType QuickTime = new("video/quicktime", [".mov"]);
    public static readonly EvidenceType M4a = new("audio/mp4", [".m4a"]);
    public static readonly EvidenceType Mp3 = new("audio/mpeg", [".mp3"]);
    public static readonly EvidenceType Wav = new("audio/wav", [".wav"]);
    public static readonly EvidenceType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly EvidenceType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);

    public static Result<EvidenceType> Sniff(string fileName, ReadOnlySpan<byte> header)
    {
        if (header.IsEmpty) return Result<EvidenceType>.Fail("File", $"文件为空：{fileName}");
        var extension = EvidenceRules.Extension(fileName);
        var type = Detect(header, extension);
        return type is not null && type.Extensions.Contains(extension)
            ? Result<EvidenceType>.Ok(type)
            : Result<EvidenceType>.Fail("File", $"文件内容与类型不符或不允许上传：{fileName}");
    }

    private static EvidenceType? Detect(ReadOnlySpan<byte> h, string extension)
    {
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8)) return Gif;
        if (h.StartsWith("%PDF-"u8)) return Pdf;
        if (h.Length >= 12 && h.StartsWith("RIFF"u8))
        {
            if (h[8..12].SequenceEqual("WEBP"u8)) return WebP;
            if (h[8..12].SequenceEqual("WAVE"u8)) return Wav;
            return null;
        }
        if (h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8)) return IsoBrand(h[8..12]);
        if (h.StartsWith("ID3"u8) || IsMpegAudioFrame(h)) return Mp3;
        // Office files are ZIP archives; which one is told by the name (reading the central directory is not worth it).
        if (h.StartsWith("PK\x03\x04"u8)) return extension switch { ".docx" => Docx, ".xlsx" => Xlsx, _ => null };
        return null;
    }

    /// <summary>The major brand of an ISO base media file (MP4, MOV, HEIC, M4A share the container).</summary>
    private static EvidenceType? IsoBrand(ReadOnlySpan<byte> brand)
    {
        if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8)) return Heic;
        if (brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8)) return Heif;
        if (brand.SequenceEqual("qt  "u8)) return QuickTime;
        if (brand.SequenceEqual("M4A "u8)) return M4a;
        if (brand.SequenceEqual("isom"u8) || brand.SequenceEqual("iso2"u8) || brand.SequenceEqual("mp41"u8)
            || brand.SequenceEqual("mp42"u8) || brand.SequenceEqual("avc1"u8)) return Mp4;
        return null;
    }

    /// <summary>An MP3 without an ID3 tag starts with a frame header: 11 sync bits, then version, layer, bitrate and
    /// sample-rate fields that must not hold their reserved values (which rules out most random data).</summary>
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> h) =>
        h.Length >= 4 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0
        && (h[1] & 0x18) != 0x08 && (h[1] & 0x06) != 0
        && (h[2] & 0xF0) != 0xF0 && (h[2] & 0x0C) != 0x0C;
}
