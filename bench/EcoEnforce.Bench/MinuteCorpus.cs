using System.Globalization;
using EcoEnforce.Hj212;

namespace EcoEnforce.Bench;

/// <summary>
/// Typical minute-data packets (~300 bytes) shaped like the samples: the Appendix C 2051 water
/// packet, the 2024 CEMS 2011 packet and a 2017 air packet, with values, QN and DataTime varied.
/// </summary>
public static class MinuteCorpus
{
    private static readonly string[][] Shapes =
    [
        // Appendix C.2 (water, 2051): flow, pH, COD with Cou/Min/Avg/Max/Flag.
        ["ST=32;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=5", "w00000:Cou,Min,Avg,Max", "w01001:Min,Avg,Max", "w01018:Cou,Min,Avg,Max"],
        // A 2024 VOCs stack (2051): flow, temperature, NMHC.
        ["ST=31;CN=2051;PW=123456;MN=81733553216103;Flag=4", "a00000:Cou,Min,Avg,Max", "a01012:Min,Avg,Max", "a24088:Min,Avg,Max"],
        // A CEMS stack (2051): SO2, NOx, dust with corrected values, O2.
        ["ST=31;CN=2051;PW=123456;MN=410183160889201000212505;Flag=5", "a21026:Avg,ZsAvg,Cou", "a21002:Avg,ZsAvg,Cou", "a34013:Avg,ZsAvg", "a19001:Avg"],
    ];

    public static List<byte[]> Build(int count, int seed = 2051)
    {
        var random = new Random(seed);
        var frames = new List<byte[]>(count);
        var time = new DateTime(2024, 1, 23, 12, 0, 0);
        for (var i = 0; i < count; i++)
        {
            var shape = Shapes[i % Shapes.Length];
            var minute = time.AddMinutes(i);
            var cp = new List<string> { "DataTime=" + Hj212Time.Format(minute) };
            foreach (var item in shape.Skip(1))
            {
                var code = item[..item.IndexOf(':', StringComparison.Ordinal)];
                var fields = item[(code.Length + 1)..].Split(',')
                    .Select(f => $"{code}-{f}={(random.NextDouble() * 100).ToString(random.Next(2) == 0 ? "F1" : "F2", CultureInfo.InvariantCulture)}")
                    .Append($"{code}-Flag=N");
                cp.Add(string.Join(',', fields));
            }
            var segment = $"QN={Hj212Time.FormatQn(minute.AddSeconds(5))};{shape[0]};CP=&&{string.Join(';', cp)}&&";
            frames.Add(Hj212Builder.Frame(segment));
        }
        return frames;
    }

    /// <summary>Parse + CRC + every numeric field to a double and every flag, allocation-free: the work the
    /// benchmarks and <c>ecoenforce hj212 bench</c> measure. NaN for a frame whose CRC is wrong.</summary>
    public static double DecodeFully(ReadOnlySpan<byte> frame)
    {
        var view = Hj212PacketView.Parse(frame);
        if (view.Crc.Status != CrcStatus.Ok)
        {
            return double.NaN;
        }
        double sum = view.Cn + view.DataTime.Length;
        var items = view.Items;
        while (items.TryRead(out var item))
        {
            for (var kinds = item.PresentKinds & CpItem.NumericKinds; kinds != 0; kinds &= kinds - 1)
            {
                if (item.TryGetDouble((CpFieldKind)System.Numerics.BitOperations.TrailingZeroCount(kinds), out var value))
                {
                    sum += value;
                }
            }
            sum += item.Flag;
        }
        return sum;
    }
}
