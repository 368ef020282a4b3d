using System.Text;

namespace EcoEnforce.Hj212;

/// <summary>
/// A parsed frame that only points into the caller's bytes: the hot path (frame, CRC, header,
/// then <see cref="Items"/>) allocates nothing. Use <see cref="Hj212Packet"/> when objects are wanted.
/// </summary>
/// <remarks>
/// <see cref="Deviations"/> covers the frame, the header and <c>DataTime</c>; deviations inside the
/// rest of CP are collected by the readers as they walk it (<see cref="Hj212Packet"/> merges both).
/// </remarks>
public readonly ref struct Hj212PacketView
{
    private readonly FieldRange _cp;

    private Hj212PacketView(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> data, Hj212FrameLayout layout, Hj212Header header,
        FieldRange dataTime, Hj212Deviations deviations)
    {
        Frame = frame;
        Data = data;
        _cp = header.Cp;
        Layout = layout;
        Header = header;
        DataTimeRange = dataTime;
        Deviations = deviations;
    }

    /// <summary>The whole frame as received, terminator included.</summary>
    public ReadOnlySpan<byte> Frame { get; }

    public Hj212FrameLayout Layout { get; }

    public Hj212Header Header { get; }

    public FieldRange DataTimeRange { get; }

    public Hj212Deviations Deviations { get; }

    /// <summary>The data segment (between the length field and the CRC).</summary>
    public ReadOnlySpan<byte> Data { get; }

    public CrcCheck Crc => Layout.Crc;

    public Hj212Verdict Verdict => Hj212Verdicts.Of(Deviations);

    public ReadOnlySpan<byte> Qn => Header.Qn.Of(Data);

    public ReadOnlySpan<byte> St => Header.St.Of(Data);

    public ReadOnlySpan<byte> Mn => Header.Mn.Of(Data);

    public ReadOnlySpan<byte> Pw => Header.Pw.Of(Data);

    public int Cn => Header.CnCode;

    public ReadOnlySpan<byte> DataTime => DataTimeRange.Of(Data);

    public CpFieldReader Fields => new(Data, _cp);

    public CpItemReader Items => new(Data, _cp);

    public static Hj212PacketView Parse(ReadOnlySpan<byte> frame)
    {
        var layout = Hj212FrameLayout.Analyze(frame);
        var data = layout.Data(frame);
        var header = Hj212Header.Parse(data);
        var deviations = layout.Deviations | header.Deviations;
        if (!Ascii.IsValid(data))
        {
            deviations |= Hj212Deviations.NonAscii;
        }

        var dataTime = FindDataTime(data, header.Cp, ref deviations);
        return new Hj212PacketView(frame, data, layout, header, dataTime, deviations);
    }

    // DataTime comes first in practice, so look there directly; otherwise walk the leading scalars.
    private static FieldRange FindDataTime(ReadOnlySpan<byte> data, FieldRange cp, ref Hj212Deviations deviations)
    {
        var dataTime = FieldRange.Absent;
        if (cp.IsPresent && cp.Of(data).StartsWith("DataTime="u8))
        {
            var start = cp.Start + 9;
            var length = data[start..(cp.Start + cp.Length)].IndexOfAny((byte)';', (byte)',');
            dataTime = new FieldRange(start, length < 0 ? cp.Start + cp.Length - start : length);
        }
        else
        {
            var fields = new CpFieldReader(data, cp);
            while (fields.TryRead(out var field) && field.IsScalar)
            {
                if (field.Name.Of(data).SequenceEqual("DataTime"u8))
                {
                    dataTime = field.Value;
                    break;
                }
            }
        }
        if (dataTime.Length == 17)
        {
            deviations |= Hj212Deviations.TimeWithMilliseconds;
        }
        return dataTime;
    }
}
