using System.Text;
using CsCheck;
using EcoEnforce.Hj212;
using EcoEnforce.Receiver.Tests.Support;
using EcoEnforce.Tests.Fuzzing;

namespace EcoEnforce.Receiver.Tests.Fuzz;

/// <summary>A fuzzed frame: a seed packet, the edits made to it and, when <see cref="Reframed"/>, a fresh length and CRC
/// around the edited data segment so the edits reach the header and CP parsers instead of stopping at a CRC error.</summary>
public sealed record PacketCase(int Seed, Mutation[] Edits, bool Reframed, byte[] Bytes)
{
    public override string ToString() =>
        $"seed packet #{Seed}, reframed {Reframed}, edits [{string.Join(", ", Edits.AsEnumerable())}], bytes {Convert.ToBase64String(Bytes)}";
}

public static class Hj212FuzzInputs
{
    public static readonly Mutator Mutator = Mutator.With(
        "CP=&&", "DataTime=", "QN=", "ST=", "CN=", "PW=", "MN=", "Flag=", "PNUM=", "PNO=", "a21026-Rtd=", "w01018-Flag=",
        "-Info=", "-SampleTime=", "20991231235959", "20160801085857223", "00000000000000", "00010101000000", "DataTime=00010101000000", "##0101", "\r\n##0100", "Flag=4294967295",
        "PNUM=2147483648;PNO=0", "PNUM=0002;PNO=0003", "i12001-Info=//告警//", "B01-Rtd=", "011-Rtd=", ";;;", ",,,", "===", "&&&&");

    /// <summary>Every sample packet of testdata/hj212 plus built ones with split headers and -Info text.</summary>
    public static readonly byte[][] Seeds =
    [
        .. SamplePacket.Load().Select(p => p.Bytes),
        Hj212Builder.Frame(Hj212Builder.DataSegment(
            new Hj212HeaderValues("20220601120000000", "31", "2051", "123456", "88888880000001", 7, 2, 1),
            [new("DataTime", "20220601120000"), new("a21026-Avg", "12.5"), new("a21026-Flag", "N"), new("a21002-Cou", "1e3")])),
        Hj212Builder.Frame(Hj212Builder.DataSegment(
            new Hj212HeaderValues("20220601120000000", "22", "3020", "123456", "88888880000001", 5),
            [new("DataTime", "20220601120000"), new("i12001-Info", "//设备故障//")])),
    ];

    public static Gen<PacketCase> Packet =>
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Mutator.Edits(8), Gen.Bool, (seed, edits, reframe) =>
            new PacketCase(seed, edits, reframe, reframe ? Reframe(seed, edits) : Mutator.Apply(Seeds[seed], edits)));

    // Edits the data segment (after "##dddd", before the CRC) and frames it again with a correct length and CRC.
    private static byte[] Reframe(int seed, Mutation[] edits)
    {
        var bytes = Seeds[seed];
        var end = bytes.Length;
        while (end > 6 && bytes[end - 1] is (byte)'\r' or (byte)'\n') end--;
        var data = Mutator.Apply(bytes[6..Math.Max(6, end - 4)], edits);
        var frame = new byte[data.Length + 12];
        Hj212Builder.WriteFrame(data, frame);
        return frame;
    }

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
