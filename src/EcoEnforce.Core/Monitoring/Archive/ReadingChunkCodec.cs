using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using EcoEnforce.Common;

namespace EcoEnforce.Monitoring.Archive;

/// <summary>Packs one series-day of readings into a <see cref="ReadingChunk"/> blob and reads it back without loss.
/// Layout (little-endian): an 8-byte header (version, parts present, slot count), a presence bitmap padded to 8 bytes,
/// then arrays of one value per slot — Avg, and Min, Max, Cou when any reading had them, the raw packet id — and, when
/// any reading had a flag, one byte per slot indexing a small table of the flag strings. Absent values are NaN, so the
/// arrays copy straight into a detector's series. Only minute and hour data are chunked: they sit on a fixed grid
/// (1,440 or 24 slots a day); a reading whose time is off that grid stays a row.</summary>
public static class ReadingChunkCodec
{
    private const byte Version = 1;
    private const int HeaderBytes = 8;

    [Flags]
    private enum Parts : byte { Min = 1, Max = 2, Cou = 4, Flags = 8 }

    static ReadingChunkCodec()
    {
        // The arrays are the machine's doubles and longs as they are; every platform .NET runs the app on is little-endian.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Reading chunks need a little-endian machine.");
    }

    public static bool IsChunked(ReadingKind kind) => kind is ReadingKind.Minute or ReadingKind.Hour;

    public static TimeSpan StepOf(ReadingKind kind) => kind switch
    {
        ReadingKind.Minute => TimeSpan.FromMinutes(1),
        ReadingKind.Hour => TimeSpan.FromHours(1),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only minute and hour data are chunked."),
    };

    public static int SlotsOf(ReadingKind kind) => (int)(TimeSpan.FromDays(1) / StepOf(kind));

    /// <summary>Midnight Beijing time of the day containing <paramref name="utc"/>, in UTC.</summary>
    public static DateTime DayStartUtc(DateTime utc) =>
        DateTime.SpecifyKind((utc + ChinaTime.Offset).Date - ChinaTime.Offset, DateTimeKind.Utc);

    /// <summary>The slot of <paramref name="utc"/> in the day starting at <paramref name="dayStartUtc"/>, or -1 when the
    /// time is not on the grid of that day.</summary>
    public static int SlotOf(ReadingKind kind, DateTime dayStartUtc, DateTime utc)
    {
        var step = StepOf(kind).Ticks;
        var offset = (utc - dayStartUtc).Ticks;
        if (offset < 0 || offset % step != 0) return -1;
        var slot = offset / step;
        return slot < SlotsOf(kind) ? (int)slot : -1;
    }

    /// <summary>Encodes readings of one series (same MN, kind and code) that lie on the grid of one day. When two readings
    /// share a slot the first one wins, as the first arrival does in the row store.</summary>
    public static byte[] Encode(ReadingKind kind, DateTime dayStartUtc, IEnumerable<Reading> readings)
    {
        var slots = SlotsOf(kind);
        var present = new bool[slots];
        var (avg, min, max, cou) = (Nans(slots), Nans(slots), Nans(slots), Nans(slots));
        var packets = new long[slots];
        var flags = new string?[slots];
        Parts parts = 0;
        foreach (var r in readings)
        {
            var slot = SlotOf(kind, dayStartUtc, r.DataTimeUtc);
            if (slot < 0) throw new ArgumentException($"{r.DataTimeUtc:O} is not on the {kind} grid of the day starting {dayStartUtc:O}.", nameof(readings));
            if (present[slot]) continue;
            present[slot] = true;
            avg[slot] = r.Value ?? double.NaN;
            if (r.Min is { } mi) { min[slot] = mi; parts |= Parts.Min; }
            if (r.Max is { } ma) { max[slot] = ma; parts |= Parts.Max; }
            if (r.Cou is { } co) { cou[slot] = co; parts |= Parts.Cou; }
            packets[slot] = r.RawPacketId;
            if (r.Flag is not null) { flags[slot] = r.Flag; parts |= Parts.Flags; }
        }

        var table = flags.Where(f => f is not null).Distinct(StringComparer.Ordinal).ToList();
        if (table.Count > byte.MaxValue) throw new ArgumentException("More than 255 distinct flags in one series-day.", nameof(readings));
        var layout = new Layout(slots, parts);
        var flagTableBytes = (parts & Parts.Flags) == 0 ? 0 : 1 + table.Sum(f => 1 + Encoding.UTF8.GetByteCount(f!));
        var data = new byte[layout.End + flagTableBytes];
        data[0] = Version;
        data[1] = (byte)parts;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), (ushort)slots);
        for (var i = 0; i < slots; i++)
            if (present[i]) data[HeaderBytes + (i >> 3)] |= (byte)(1 << (i & 7));
        Write(data, layout.Avg, avg);
        if ((parts & Parts.Min) != 0) Write(data, layout.Min, min);
        if ((parts & Parts.Max) != 0) Write(data, layout.Max, max);
        if ((parts & Parts.Cou) != 0) Write(data, layout.Cou, cou);
        MemoryMarshal.AsBytes(packets.AsSpan()).CopyTo(data.AsSpan(layout.Packets));
        if ((parts & Parts.Flags) != 0)
        {
            for (var i = 0; i < slots; i++)
                data[layout.FlagIndexes + i] = flags[i] is { } f ? (byte)(table.IndexOf(f) + 1) : (byte)0;
            var at = layout.End;
            data[at++] = (byte)table.Count;
            foreach (var f in table)
            {
                var length = Encoding.UTF8.GetBytes(f!, data.AsSpan(at + 1));
                data[at] = (byte)length;
                at += 1 + length;
            }
        }
        return data;
    }

    /// <summary>An array of missing samples.</summary>
    internal static double[] Nans(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.NaN);
        return values;
    }

    private static void Write(byte[] data, int offset, double[] values) =>
        MemoryMarshal.AsBytes(values.AsSpan()).CopyTo(data.AsSpan(offset));

    /// <summary>Where each part starts; arrays start on 8-byte boundaries.</summary>
    private readonly record struct Layout
    {
        public Layout(int slots, Parts parts)
        {
            var bytes = slots * sizeof(double);
            Avg = HeaderBytes + ((slots + 63) / 64) * 8;
            Min = Avg + bytes;
            Max = Min + ((parts & Parts.Min) != 0 ? bytes : 0);
            Cou = Max + ((parts & Parts.Max) != 0 ? bytes : 0);
            Packets = Cou + ((parts & Parts.Cou) != 0 ? bytes : 0);
            FlagIndexes = Packets + bytes;
            End = FlagIndexes + ((parts & Parts.Flags) != 0 ? slots : 0);
        }

        public int Avg { get; }
        public int Min { get; }
        public int Max { get; }
        public int Cou { get; }
        public int Packets { get; }
        public int FlagIndexes { get; }
        public int End { get; }
    }

    /// <summary>A decoded chunk over the blob itself: the arrays are views, nothing is copied.</summary>
    public sealed class View
    {
        private readonly byte[] _data;
        private readonly Parts _parts;
        private readonly Layout _layout;
        private readonly string[] _flags;

        public View(byte[] data)
        {
            if (data.Length < HeaderBytes || data[0] != Version) throw new InvalidDataException("Unknown reading chunk format.");
            _data = data;
            _parts = (Parts)data[1];
            Slots = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2));
            _layout = new Layout(Slots, _parts);
            if (data.Length < _layout.End) throw new InvalidDataException("Truncated reading chunk.");
            _flags = [];
            if ((_parts & Parts.Flags) != 0)
            {
                var at = _layout.End;
                _flags = new string[data[at++]];
                for (var i = 0; i < _flags.Length; i++)
                {
                    _flags[i] = string.Intern(Encoding.UTF8.GetString(data, at + 1, data[at]));
                    at += 1 + data[at];
                }
            }
        }

        public int Slots { get; }

        public bool IsPresent(int slot) => (_data[HeaderBytes + (slot >> 3)] & (1 << (slot & 7))) != 0;

        public ReadOnlySpan<double> Avg => Doubles(_layout.Avg);
        public ReadOnlySpan<double> Min => (_parts & Parts.Min) != 0 ? Doubles(_layout.Min) : default;
        public ReadOnlySpan<double> Max => (_parts & Parts.Max) != 0 ? Doubles(_layout.Max) : default;
        public ReadOnlySpan<double> Cou => (_parts & Parts.Cou) != 0 ? Doubles(_layout.Cou) : default;
        public bool HasMin => (_parts & Parts.Min) != 0;
        public bool HasMax => (_parts & Parts.Max) != 0;
        public bool HasCou => (_parts & Parts.Cou) != 0;
        public bool HasFlags => (_parts & Parts.Flags) != 0;
        public ReadOnlySpan<long> RawPacketIds => MemoryMarshal.Cast<byte, long>(_data.AsSpan(_layout.Packets, Slots * sizeof(long)));

        public string? FlagAt(int slot) => HasFlags && _data[_layout.FlagIndexes + slot] is var index and > 0 ? _flags[index - 1] : null;

        public int PresentCount()
        {
            var count = 0;
            for (var i = 0; i < Slots; i++)
                if (IsPresent(i)) count++;
            return count;
        }

        private ReadOnlySpan<double> Doubles(int offset) => MemoryMarshal.Cast<byte, double>(_data.AsSpan(offset, Slots * sizeof(double)));
    }

    /// <summary>The chunk's readings as rows again, in time order.</summary>
    public static IEnumerable<Reading> Readings(ReadingChunk chunk, int? monitoringPointId = null)
    {
        var view = new View(chunk.Data);
        var step = StepOf(chunk.Kind);
        for (var i = 0; i < view.Slots; i++)
        {
            if (!view.IsPresent(i)) continue;
            yield return new Reading
            {
                Mn = chunk.Mn, MonitoringPointId = monitoringPointId, Kind = chunk.Kind, PollutantCode = chunk.PollutantCode,
                DataTimeUtc = chunk.DayStartUtc + step * i,
                Value = NullIfNaN(view.Avg[i]),
                Min = view.HasMin ? NullIfNaN(view.Min[i]) : null,
                Max = view.HasMax ? NullIfNaN(view.Max[i]) : null,
                Cou = view.HasCou ? NullIfNaN(view.Cou[i]) : null,
                Flag = view.FlagAt(i), RawPacketId = view.RawPacketIds[i],
            };
        }
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;
}
