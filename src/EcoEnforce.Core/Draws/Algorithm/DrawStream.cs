using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EcoEnforce.Draws;

/// <summary>The draw's random numbers: block i of a stream is HMAC-SHA256(key, label ‖ uint64 big-endian i), read as
/// four big-endian uint64 words in order. Each purpose has its own label, so adding a stratum or a task never shifts
/// the numbers another purpose sees.</summary>
public sealed class DrawStream : IDisposable
{
    private readonly IncrementalHash _hmac;
    private readonly byte[] _block = new byte[32];
    private byte[] _label = [];
    private ulong _counter;
    private int _nextWord = 4;

    public DrawStream(ReadOnlySpan<byte> key) => _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    /// <summary>How many words <see cref="UniformBelow"/> has thrown away so far; only tests read it.</summary>
    public long Rejections { get; private set; }

    /// <summary>Starts the stream for one purpose at block 0.</summary>
    public void Start(string label)
    {
        _label = Encoding.UTF8.GetBytes(label);
        _counter = 0;
        _nextWord = 4;
    }

    public ulong NextWord()
    {
        if (_nextWord == 4)
        {
            Span<byte> counter = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(counter, _counter++);
            _hmac.AppendData(_label);
            _hmac.AppendData(counter);
            _hmac.GetHashAndReset(_block);
            _nextWord = 0;
        }
        return BinaryPrimitives.ReadUInt64BigEndian(_block.AsSpan(8 * _nextWord++));
    }

    /// <summary>A uniform integer in [0, n): words below 2^64 mod n are rejected, so every residue is equally
    /// likely (no modulo bias); the accepted word is reduced mod n.</summary>
    public ulong UniformBelow(ulong n)
    {
        ArgumentOutOfRangeException.ThrowIfZero(n);
        var threshold = (0 - n) % n;
        while (true)
        {
            var x = NextWord();
            if (x >= threshold) return x % n;
            Rejections++;
        }
    }

    public int UniformBelow(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return (int)UniformBelow((ulong)n);
    }

    public void Dispose() => _hmac.Dispose();
}
