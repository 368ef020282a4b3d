using EcoEnforce.Evidence;

namespace EcoEnforce.Core.Tests.Evidence;

public sealed class EvidenceSnifferTests
{
    /// <summary>The first bytes of real files of each accepted kind, as phones and office software write them.</summary>
    public static TheoryData<string, string, string> Accepted => new()
    {
        { "现场.jpg", "FF D8 FF E1 00 1C 45 78 69 66 00 00", "image/jpeg" },
        { "现场.JPEG", "FF D8 FF E0 00 10 4A 46 49 46 00 01", "image/jpeg" },
        { "截图.png", "89 50 4E 47 0D 0A 1A 0A 00 00 00 0D 49 48 44 52", "image/png" },
        { "动图.gif", "47 49 46 38 39 61 01 00 01 00", "image/gif" },
        { "照片.webp", "52 49 46 46 24 00 00 00 57 45 42 50 56 50 38 20", "image/webp" },
        { "IMG_0001.HEIC", "00 00 00 18 66 74 79 70 68 65 69 63 00 00 00 00", "image/heic" },
        { "photo.heif", "00 00 00 1C 66 74 79 70 6D 69 66 31 00 00 00 00", "image/heif" },
        { "笔录.pdf", "25 50 44 46 2D 31 2E 37 0A 25", "application/pdf" },
        { "VID_01.mp4", "00 00 00 20 66 74 79 70 69 73 6F 6D 00 00 02 00", "video/mp4" },
        { "VID_02.mp4", "00 00 00 18 66 74 79 70 6D 70 34 32 00 00 00 00", "video/mp4" },
        { "IMG_0002.MOV", "00 00 00 14 66 74 79 70 71 74 20 20 00 00 00 00", "video/quicktime" },
        { "询问.m4a", "00 00 00 1C 66 74 79 70 4D 34 41 20 00 00 00 00", "audio/mp4" },
        { "录音.mp3", "49 44 33 04 00 00 00 00 00 23", "audio/mpeg" },
        { "录音2.mp3", "FF FB 90 64 00 00 00 00", "audio/mpeg" },
        { "录音.wav", "52 49 46 46 24 08 00 00 57 41 56 45 66 6D 74 20", "audio/wav" },
        { "整改报告.docx", "50 4B 03 04 14 00 06 00 08 00", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "台账.xlsx", "50 4B 03 04 14 00 06 00 08 00", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepts_each_allowed_type_by_its_first_bytes(string fileName, string hex, string contentType)
    {
        var result = EvidenceSniffer.Sniff(fileName, Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(contentType, result.Value!.ContentType);
    }

    [Theory]
    [InlineData("照片.jpg", "4D 5A 90 00 03 00 00 00")] // a Windows executable renamed
    [InlineData("笔录.pdf", "89 50 4E 47 0D 0A 1A 0A 00 00 00 0D")] // a PNG under a PDF name
    [InlineData("现场.png", "FF D8 FF E0 00 10 4A 46 49 46")] // a JPEG under a PNG name
    [InlineData("压缩包.zip", "50 4B 03 04 14 00 06 00")] // a ZIP that is not an Office file
    [InlineData("页面.html", "3C 21 44 4F 43 54 59 50 45 20 68 74 6D 6C")]
    [InlineData("图.svg", "3C 73 76 67 20 78 6D 6C 6E 73 3D")]
    [InlineData("视频.avi", "52 49 46 46 24 00 00 00 41 56 49 20")]
    [InlineData("照片", "FF D8 FF E0 00 10 4A 46 49 46")] // no extension
    public void Refuses_content_that_is_not_allowed_or_does_not_match_the_name(string fileName, string hex)
    {
        var result = EvidenceSniffer.Sniff(fileName, Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)));
        Assert.False(result.Succeeded);
        Assert.Equal($"文件内容与类型不符或不允许上传：{fileName}", result.Errors.Single().Message);
    }

    [Fact]
    public void Refuses_an_empty_file()
    {
        var result = EvidenceSniffer.Sniff("空.jpg", []);
        Assert.Contains("文件为空", result.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_never_throw_and_are_almost_never_accepted()
    {
        // Seeded so a failure repeats. A few random headers do look like an MP3 frame (sync bits are all it has),
        // and are accepted only under the matching name; everything else is refused.
        var random = new Random(20220920);
        var names = new[] { "a.jpg", "a.png", "a.pdf", "a.mp4", "a.mp3", "a.docx", "a.exe", "a" };
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);
            var name = names[random.Next(names.Length)];
            var result = EvidenceSniffer.Sniff(name, bytes);
            if (!result.Succeeded) continue;
            accepted++;
            Assert.Contains(EvidenceRules.Extension(name), result.Value!.Extensions);
        }
        Assert.True(accepted < 20, $"{accepted} random headers accepted");
    }

    [Theory]
    [InlineData(@"C:\Users\执法\Desktop\现场.jpg", "现场.jpg")]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("  现场\u0000照片.jpg ", "现场照片.jpg")]
    [InlineData(".hidden.png", "hidden.png")]
    public void File_names_keep_only_the_last_segment_without_control_characters(string uploaded, string stored) =>
        Assert.Equal(stored, EvidenceRules.SanitiseFileName(uploaded));

    [Fact]
    public void Long_file_names_are_shortened_keeping_the_extension()
    {
        var name = EvidenceRules.SanitiseFileName(new string('长', 300) + ".jpeg");
        Assert.Equal(EvidenceRules.FileNameMaxLength, name.Length);
        Assert.EndsWith(".jpeg", name, StringComparison.Ordinal);
    }
}
