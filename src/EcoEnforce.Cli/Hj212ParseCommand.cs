using System.Buffers;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcoEnforce.Hj212;
using EcoEnforce.Monitoring;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce hj212 parse [FILE|-]</c>: cuts frames from the bytes (junk and comment lines are skipped) and
/// writes one JSON object per frame.</summary>
internal static class Hj212ParseCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "文件路径，或 - 表示标准输入", DefaultValueFactory = _ => "-" };
        var parse = new Command("parse", "解析 HJ 212 报文，每帧输出一行 JSON") { file };
        parse.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            byte[] bytes;
            if (path == "-")
            {
                using var memory = new MemoryStream();
                await Console.OpenStandardInput().CopyToAsync(memory, ct);
                bytes = memory.ToArray();
            }
            else if (File.Exists(path))
            {
                bytes = await File.ReadAllBytesAsync(path, ct);
            }
            else
            {
                Console.Error.WriteLine($"文件不存在：{path}");
                return 2;
            }
            var framer = new Hj212FrameReader();
            var buffer = new ReadOnlySequence<byte>(bytes);
            // Lines without a terminator (as in sample files) are framed too: a trailing newline is appended.
            if (bytes.Length > 0 && bytes[^1] != (byte)'\n') buffer = new ReadOnlySequence<byte>([.. bytes, (byte)'\r', (byte)'\n']);
            var count = 0;
            while (framer.TryReadFrame(ref buffer, out var frame))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(Describe(Hj212Packet.Parse(frame)), Json).AsMemory(), ct);
                count++;
            }
            Console.Error.WriteLine($"{count} 帧，跳过 {framer.SkippedBytes} 字节");
            return 0;
        });
        return parse;
    }

    public static object Describe(Hj212Packet p) => new
    {
        valid = p.IsValid,
        verdict = p.Verdict.ToString().ToLowerInvariant(),
        crc = ReadingStore.CrcText(p.Crc.Status),
        deviations = Hj212Verdicts.Codes(p.Deviations),
        notes = p.Notes.Select(n => n.ToString()),
        qn = p.Qn,
        st = p.St,
        cn = p.Cn,
        pw = p.Pw,
        mn = p.Mn,
        flag = p.Flag?.Value,
        pnum = p.Pnum,
        pno = p.Pno,
        cp = new
        {
            DataTime = p.DataTime,
            items = p.Items.ToDictionary(i => i.Code2017 ?? i.Code, i => i.Fields),
        },
    };
}
