using System.Buffers;

namespace EcoEnforce.Receiver.Tests.Support;

/// <summary>
/// Builds multi-segment <see cref="ReadOnlySequence{T}"/>s, as
/// davidfowl/BedrockFramework's tests do, so the framer is exercised across segment boundaries.
/// </summary>
public sealed class TestSequenceSegment : ReadOnlySequenceSegment<byte>
{
    public TestSequenceSegment(ReadOnlyMemory<byte> memory) => Memory = memory;

    public TestSequenceSegment Append(ReadOnlyMemory<byte> memory)
    {
        var next = new TestSequenceSegment(memory) { RunningIndex = RunningIndex + Memory.Length };
        Next = next;
        return next;
    }

    /// <summary>A sequence with one segment per chunk (empty chunks included).</summary>
    public static ReadOnlySequence<byte> Create(IReadOnlyList<byte[]> chunks)
    {
        if (chunks.Count == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }
        var first = new TestSequenceSegment(chunks[0]);
        var last = first;
        foreach (var chunk in chunks.Skip(1))
        {
            last = last.Append(chunk);
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Splits <paramref name="bytes"/> into segments of <paramref name="size"/> bytes.</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, int size) =>
        Create(bytes.Chunk(size).ToList());
}
