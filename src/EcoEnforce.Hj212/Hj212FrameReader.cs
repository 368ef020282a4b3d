using System.Buffers;

namespace EcoEnforce.Hj212;

public enum Hj212Terminator
{
    CrLf,
    Lf,
    Cr,
    /// <summary>The next frame (or junk) followed the CRC directly.</summary>
    None,
}

/// <summary>One frame cut from the byte stream. <see cref="Bytes"/> points into the reader's buffer.</summary>
public readonly record struct Hj212Frame(ReadOnlySequence<byte> Bytes, Hj212Terminator Terminator, long SkippedBefore);

/// <summary>
/// Cuts HJ 212 frames out of a TCP byte stream for a <c>PipeReader</c> loop: length-driven, with
/// resync. One instance per connection; it only keeps counters, never bytes.
/// </summary>
/// <remarks>
/// <code>
/// var buffer = result.Buffer;
/// while (framer.TryReadFrame(ref buffer, out var frame)) { Handle(frame); }
/// input.AdvanceTo(buffer.Start, buffer.End); // consumed: frames and junk; examined: everything
/// </code>
/// Rules (from the field, see PROTOCOL.md §4): search <c>##</c>; after a bad header skip one byte
/// (so <c>###0101</c> still frames); a declared length above <see cref="MaxDataLength"/> is a bad
/// header; a CRLF followed by <c>##dddd</c> inside the declared length ends the frame there;
/// LF-only, CR-only and missing terminators are accepted. Junk is counted, never thrown.
/// </remarks>
public sealed partial class Hj212FrameReader(int maxDataLength = Hj212FrameReader.DefaultMaxDataLength)
{
    /// <summary>Devices send 1025 and 1623-byte segments, so the guard sits well above the standard's 1024.</summary>
    public const int DefaultMaxDataLength = 4096;

    // "##" + 4 digits, then at most 4 CRC digits and CR LF.
    private const int Overhead = 6 + 4 + 2;
    private long _pendingSkipped;

    public int MaxDataLength { get; } = maxDataLength;

    /// <summary>Junk bytes skipped over the reader's life (probes, keepalives, broken headers).</summary>
    public long SkippedBytes { get; private set; }

    public long FramesRead { get; private set; }

    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out Hj212Frame frame)
    {
        while (true)
        {
            var hash = buffer.PositionOf((byte)'#');
            if (hash is null)
            {
                Skip(ref buffer, buffer.Length);
                frame = default;
                return false;
            }
            Skip(ref buffer, buffer.Slice(0, hash.Value).Length);

            var windowLength = (int)Math.Min(buffer.Length, MaxDataLength + Overhead);
            byte[]? rented = null;
            var window = buffer.IsSingleSegment || buffer.First.Length >= windowLength
                ? buffer.First.Span[..windowLength]
                : CopyWindow(buffer, windowLength, out rented);
            try
            {
                var step = Examine(window, MaxDataLength, out var end, out var terminator);
                if (step == Step.SkipOne)
                {
                    Skip(ref buffer, 1);
                    continue;
                }
                if (step == Step.NeedMore)
                {
                    frame = default;
                    return false;
                }
                frame = new Hj212Frame(buffer.Slice(0, end), terminator, _pendingSkipped);
                _pendingSkipped = 0;
                FramesRead++;
                buffer = buffer.Slice(end);
                return true;
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }
    }

    /// <summary>
    /// At end of stream: returns what is left as a (truncated) frame when it starts with <c>##</c>,
    /// so the evidence is stored; otherwise counts it as junk.
    /// </summary>
    public bool TryReadFinalFrame(ref ReadOnlySequence<byte> buffer, out Hj212Frame frame)
    {
        if (TryReadFrame(ref buffer, out frame))
        {
            return true;
        }
        if (buffer.Length >= 2 && buffer.FirstSpan[0] == '#' && buffer.Slice(1).FirstSpan[0] == '#')
        {
            frame = new Hj212Frame(buffer, Hj212Terminator.None, _pendingSkipped);
            _pendingSkipped = 0;
            FramesRead++;
            buffer = buffer.Slice(buffer.End);
            return true;
        }
        Skip(ref buffer, buffer.Length);
        return false;
    }

    private void Skip(ref ReadOnlySequence<byte> buffer, long count)
    {
        if (count == 0)
        {
            return;
        }
        SkippedBytes += count;
        _pendingSkipped += count;
        buffer = buffer.Slice(count);
    }

    private static ReadOnlySpan<byte> CopyWindow(in ReadOnlySequence<byte> buffer, int length, out byte[] rented)
    {
        rented = ArrayPool<byte>.Shared.Rent(length);
        buffer.Slice(0, length).CopyTo(rented);
        return rented.AsSpan(0, length);
    }
}
