using System.Text;
using System.Text.Json;

namespace EcoEnforce.Receiver.Tests.Support;

/// <summary>The HJ 212 sample files under testdata/hj212, found from the repository root.</summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(string file) => System.IO.Path.Combine(Root.Value, "testdata", "hj212", file);

    public static IEnumerable<JsonElement> JsonLines(string file) =>
        File.ReadAllLines(Path(file), Encoding.UTF8)
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone());

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "EcoEnforce.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("No EcoEnforce.slnx above " + AppContext.BaseDirectory);
    }
}

/// <summary>One packet of packets.txt with the verdict its comment gives.</summary>
public sealed record SamplePacket(int Line, byte[] Bytes, string Status, IReadOnlyList<string> Reasons, IReadOnlyList<string> Notes)
{
    public override string ToString() => $"line {Line}";

    private static readonly Lazy<List<SamplePacket>> All = new(Read);

    public static IReadOnlyList<SamplePacket> Load() => All.Value;

    public static SamplePacket AtLine(int line) => All.Value.Single(p => p.Line == line);

    private static List<SamplePacket> Read()
    {
        // Split on LF bytes so the packets keep their exact UTF-8 bytes.
        var bytes = File.ReadAllBytes(TestData.Path("packets.txt"));
        var packets = new List<SamplePacket>();
        string? status = null;
        var reasons = new List<string>();
        var notes = new List<string>();
        var lineNo = 0;
        var start = 0;
        while (start < bytes.Length)
        {
            var lf = Array.IndexOf(bytes, (byte)'\n', start);
            var end = lf < 0 ? bytes.Length : lf;
            var line = bytes[start..end];
            start = end + 1;
            lineNo++;
            var text = Encoding.UTF8.GetString(line);
            if (text.StartsWith("# valid", StringComparison.Ordinal) || text.StartsWith("# invalid", StringComparison.Ordinal))
            {
                var body = text[2..];
                var colon = body.IndexOf(':', StringComparison.Ordinal);
                status = colon < 0 ? body.Trim() : body[..colon];
                reasons = colon < 0 ? [] : body[(colon + 1)..].Split(';')
                    .Select(r => r.Trim()).Select(r => r[..r.IndexOf(':', StringComparison.Ordinal)]).ToList();
                notes = [];
            }
            else if (text.StartsWith("# note: ", StringComparison.Ordinal))
            {
                notes.Add(text[8..]);
            }
            else if (text.Length > 0 && (!text.StartsWith('#') || text.StartsWith("##", StringComparison.Ordinal)))
            {
                packets.Add(new SamplePacket(lineNo, line, status!, reasons, notes));
                status = null;
            }
        }
        return packets;
    }
}
