using System.Buffers;
using System.Globalization;
using System.Text;

namespace EcoEnforce.Hj212;

/// <summary>
/// A parsed packet as objects: the header, CP as an ordered list and a map, items by factor,
/// the CRC outcome and every deviation with its detail. Parsing never throws.
/// </summary>
public sealed class Hj212Packet
{
    private Hj212Packet(byte[] raw) => Raw = raw;

    /// <summary>The frame exactly as received: evidence.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    public int DeclaredLength { get; private init; }

    public int DataLength { get; private init; }

    public string DataSegment { get; private init; } = "";

    public string? CrcField { get; private init; }

    public CrcCheck Crc { get; private init; }

    public string? Qn { get; private init; }

    public string? St { get; private init; }

    public string? Cn { get; private init; }

    public string? Pw { get; private init; }

    public string? Mn { get; private init; }

    public Hj212Flag? Flag { get; private init; }

    public Hj212Edition Edition => Flag?.Edition ?? Hj212Edition.Hj2005;

    public int? Pnum { get; private init; }

    public int? Pno { get; private init; }

    /// <summary>The CP text between <c>CP=&amp;&amp;</c> and the closing <c>&amp;&amp;</c>.</summary>
    public string? CpText { get; private init; }

    public string? DataTime { get; private init; }

    /// <summary>Every CP <c>key=value</c> in order, keys as sent (<c>w01018-Rtd</c>, <c>DataTime</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Cp { get; private init; } = [];

    /// <summary>CP as a map; on duplicate keys the first wins (the duplicate is a recorded deviation).</summary>
    public IReadOnlyDictionary<string, string> CpMap { get; private init; } = new Dictionary<string, string>();

    /// <summary>Items by factor, merged when a code appears in more than one run.</summary>
    public IReadOnlyList<Hj212Item> Items { get; private init; } = [];

    public Hj212Deviations Deviations { get; private init; }

    public IReadOnlyList<Hj212Note> Notes { get; private init; } = [];

    public Hj212Verdict Verdict => Hj212Verdicts.Of(Deviations);

    public IReadOnlyList<string> Reasons => Hj212Verdicts.Reasons(Deviations);

    public bool IsValid => Verdict != Hj212Verdict.Invalid;

    public int? CnCode => Cn is not null && int.TryParse(Cn, NumberStyles.None, CultureInfo.InvariantCulture, out var cn) ? cn : null;

    public Hj212Item? Item(string code) =>
        Items.FirstOrDefault(i => i.Code == code) ?? Items.FirstOrDefault(i => i.Code2017 == code);

    public static Hj212Packet Parse(string frame) => Parse(Encoding.UTF8.GetBytes(frame));

    public static Hj212Packet Parse(in ReadOnlySequence<byte> frame) =>
        frame.IsSingleSegment ? Parse(frame.FirstSpan) : Parse(frame.ToArray());

    /// <summary>Parses a frame cut by <see cref="Hj212FrameReader"/>, recording how it was terminated.</summary>
    public static Hj212Packet Parse(in Hj212Frame frame)
    {
        var terminator = frame.Terminator == Hj212Terminator.None ? Hj212Deviations.NoTerminator : Hj212Deviations.None;
        return frame.Bytes.IsSingleSegment
            ? Parse(frame.Bytes.FirstSpan, terminator)
            : Parse(frame.Bytes.ToArray(), terminator);
    }

    /// <summary>Parses one frame; the CR LF terminator is optional here.</summary>
    public static Hj212Packet Parse(ReadOnlySpan<byte> frame) => Parse(frame, Hj212Deviations.None);

    private static Hj212Packet Parse(ReadOnlySpan<byte> frame, Hj212Deviations extra)
    {
        var view = Hj212PacketView.Parse(frame);
        var data = view.Data;
        var header = view.Header;
        var deviations = view.Deviations | extra;
        var notes = new List<Hj212Note>();

        var cp = new List<KeyValuePair<string, string>>();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = view.Fields;
        while (fields.TryRead(out var field))
        {
            var key = Hj212Text.Decode(data.Slice(field.Code.IsPresent ? field.Code.Start : field.Name.Start,
                field.Code.IsPresent ? field.Code.Length + 1 + field.Name.Length : field.Name.Length), out _);
            var value = Hj212Text.Decode(field.Value.Of(data), out var gb);
            if (gb)
            {
                deviations |= Hj212Deviations.TextNotUtf8;
                notes.Add(new(Hj212Deviations.TextNotUtf8, $"{key} decoded as GB18030"));
            }
            cp.Add(new(key, value));
            if (!map.TryAdd(key, value))
            {
                deviations |= Hj212Deviations.DuplicateField;
                notes.Add(new(Hj212Deviations.DuplicateField, $"CP key {key} repeated"));
            }
        }
        deviations |= fields.Deviations;

        var items = ReadItems(data, header.Cp, ref deviations);
        map.TryGetValue("DataTime", out var dataTime);
        notes.InsertRange(0, FrameNotes(view.Layout, data));
        AddPlainNotes(notes, deviations);

        return new Hj212Packet(frame.ToArray())
        {
            DeclaredLength = view.Layout.DeclaredLength,
            DataLength = view.Layout.DataLength,
            DataSegment = Hj212Text.Decode(data, out _),
            CrcField = view.Layout.CrcLength > 0 ? Encoding.ASCII.GetString(view.Layout.CrcField(frame)) : null,
            Crc = view.Crc,
            Qn = header.Qn.ToString(data),
            St = header.St.ToString(data),
            Cn = header.Cn.ToString(data),
            Pw = header.Pw.ToString(data),
            Mn = header.Mn.ToString(data),
            Flag = header.FlagBits,
            Pnum = header.Pnum >= 0 ? header.Pnum : null,
            Pno = header.Pno >= 0 ? header.Pno : null,
            CpText = header.Cp.ToString(data),
            DataTime = dataTime,
            Cp = cp,
            CpMap = map,
            Items = items,
            Deviations = deviations,
            Notes = notes,
        };
    }

    private static List<Hj212Item> ReadItems(ReadOnlySpan<byte> data, FieldRange cpRange, ref Hj212Deviations deviations)
    {
        var byCode = new Dictionary<string, (string? Code2017, Dictionary<string, string> Fields)>(StringComparer.Ordinal);
        var order = new List<string>();
        var fields = new CpFieldReader(data, cpRange);
        while (fields.TryRead(out var field))
        {
            if (field.IsScalar)
            {
                continue;
            }
            var code = Encoding.UTF8.GetString(field.Code.Of(data));
            if (!byCode.TryGetValue(code, out var entry))
            {
                entry = (PollutantCodes.To2017(field.Code.Of(data), out _), new Dictionary<string, string>(StringComparer.Ordinal));
                byCode.Add(code, entry);
                order.Add(code);
            }
            entry.Fields.TryAdd(Encoding.UTF8.GetString(field.Name.Of(data)), Hj212Text.Decode(field.Value.Of(data), out _));
        }
        // The item reader applies the code rules (2005 mapping, vendor codes) once per run.
        var reader = new CpItemReader(data, cpRange);
        while (reader.TryRead(out _))
        {
        }
        deviations |= reader.Deviations;
        return order.Select(c => new Hj212Item(c, byCode[c].Code2017, byCode[c].Fields)).ToList();
    }

    // Deviations without a specific detail still get a note, so the list is the complete record.
    private static void AddPlainNotes(List<Hj212Note> notes, Hj212Deviations deviations)
    {
        var noted = Hj212Deviations.None;
        foreach (var note in notes)
        {
            noted |= note.Deviation;
        }
        foreach (var code in Enum.GetValues<Hj212Deviations>())
        {
            if (code != Hj212Deviations.None && (deviations & code) != 0 && (noted & code) == 0)
            {
                notes.Add(new(code, Hj212Verdicts.Code(code)));
            }
        }
    }

    private static IEnumerable<Hj212Note> FrameNotes(Hj212FrameLayout layout, ReadOnlySpan<byte> data)
    {
        var notes = new List<Hj212Note>();
        var d = layout.Deviations;
        var crc = layout.Crc;
        var computed = crc.Computed.ToString("X4", CultureInfo.InvariantCulture);
        var given = crc.Given < 0 ? "" : crc.Given.ToString("X4", CultureInfo.InvariantCulture);
        if ((d & Hj212Deviations.LengthFieldInvalid) != 0)
        {
            notes.Add(new(Hj212Deviations.LengthFieldInvalid, "length field is not 4 decimal digits"));
        }
        if ((d & Hj212Deviations.Truncated) != 0)
        {
            notes.Add(new(Hj212Deviations.Truncated, $"declared {layout.DeclaredLength}, only {layout.DataLength} data bytes present"));
        }
        if ((d & Hj212Deviations.LengthMismatch) != 0)
        {
            var chars = (d & Hj212Deviations.LengthCountsCharacters) != 0 ? " (declared = character count)" : "";
            notes.Add(new(Hj212Deviations.LengthMismatch, $"declared {layout.DeclaredLength}, actual {layout.DataLength}{chars}"));
        }
        if ((d & Hj212Deviations.Oversize) != 0)
        {
            notes.Add(new(Hj212Deviations.Oversize, $"data segment {data.Length} > {Hj212FrameLayout.MaxDataLength}"));
        }
        if ((d & Hj212Deviations.CrcMismatch) != 0)
        {
            notes.Add(new(Hj212Deviations.CrcMismatch, $"given {given}, HJ212 CRC of data is {computed}"));
        }
        if ((d & Hj212Deviations.CrcNonstandard) != 0)
        {
            notes.Add(new(Hj212Deviations.CrcNonstandard, $"given {given} matches CRC-16/MODBUS ({crc.Variant}), not HJ212 CRC {computed}"));
        }
        if ((d & Hj212Deviations.CrcNotPadded) != 0)
        {
            notes.Add(new(Hj212Deviations.CrcNotPadded, $"HJ212 CRC {computed} written without leading zeros"));
        }
        if ((d & Hj212Deviations.CrcMissing) != 0)
        {
            notes.Add(new(Hj212Deviations.CrcMissing, "packet does not end with hex CRC digits"));
        }
        return notes;
    }
}
