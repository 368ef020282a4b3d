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
    private Hj212PacketView(ReadOnlySpan<byte> frame, Hj212FrameLayout layout, Hj212Header header,
        FieldRange dataTime, Hj212Deviations deviations)
    {
        Frame = frame;
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

    public ReadOnlySpan<byte> Data => Layout.Data(Frame);

    public CrcCheck Crc => Layout.Crc;

    public Hj212Verdict Verdict => Hj212Verdicts.Of(Deviations);

    public ReadOnlySpan<byte> Qn => Header.Qn.Of(Data);

    public ReadOnlySpan<byte> St => Header.St.Of(Data);

    public ReadOnlySpan<byte> Mn => Header.Mn.Of(Data);

    public ReadOnlySpan<byte> Pw => Header.Pw.Of(Data);

    public int Cn => Header.CnCode;

    public ReadOnlySpan<byte> DataTime => DataTimeRange.Of(Data);

    public CpFieldReader Fields => new(Data, Header.Cp);

    public CpItemReader Items => new(Data, Header.Cp);

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

        // DataTime comes first in practice, so this stops after one or two fields.
        var dataTime = FieldRange.Absent;
        var fields = new CpFieldReader(data, header.Cp);
        while (fields.TryRead(out var field))
        {
            if (field.IsScalar && field.Name.Of(data).SequenceEqual("DataTime"u8))
            {
                dataTime = field.Value;
                deviations |= fields.Deviations & Hj212Deviations.TimeWithMilliseconds;
                break;
            }
            if (!field.IsScalar)
            {
                break;
            }
        }
        return new Hj212PacketView(frame, layout, header, dataTime, deviations);
    }
}
