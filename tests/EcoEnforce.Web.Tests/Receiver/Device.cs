using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EcoEnforce.Hj212;

namespace EcoEnforce.Web.Tests.Receiver;

/// <summary>A simulated data logger: builds minute-data packets and reads the platform's answers.</summary>
public sealed class Device(string mn) : IAsyncDisposable
{
    private readonly TcpClient _client = new();
    private NetworkStream? _stream;
    private readonly StringBuilder _received = new();

    public string Mn { get; } = mn;

    public async Task ConnectAsync(IPEndPoint endpoint, CancellationToken ct)
    {
        await _client.ConnectAsync(endpoint, ct);
        _stream = _client.GetStream();
    }

    public static byte[] MinutePacket(string mn, DateTime chinaTime, double cod, string qn, bool ack = true, string pollutant = "w01018")
    {
        var data = Hj212Builder.DataSegment(
            new Hj212HeaderValues(qn, "32", "2051", "123456", mn, Hj212Flag.For(Hj212Edition.Hj2017, needsReply: ack)),
            [
                new("DataTime", chinaTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)),
                new($"{pollutant}-Avg", cod.ToString("F1", CultureInfo.InvariantCulture)),
                new($"{pollutant}-Min", (cod - 1).ToString("F1", CultureInfo.InvariantCulture)),
                new($"{pollutant}-Max", (cod + 1).ToString("F1", CultureInfo.InvariantCulture)),
                new($"{pollutant}-Flag", "N"),
            ]);
        return Hj212Builder.Frame(data);
    }

    public async Task SendAsync(byte[] bytes, CancellationToken ct, int chunk = int.MaxValue)
    {
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            await _stream!.WriteAsync(bytes.AsMemory(i, Math.Min(chunk, bytes.Length - i)), ct);
            await _stream.FlushAsync(ct);
        }
    }

    /// <summary>Reads until <paramref name="count"/> answers (CR LF terminated) have arrived; returns them.</summary>
    public async Task<List<Hj212Packet>> ReadAnswersAsync(int count, CancellationToken ct)
    {
        var buffer = new byte[4096];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (CountLines() < count)
        {
            var n = await _stream!.ReadAsync(buffer, timeout.Token);
            if (n == 0) break;
            _received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        var lines = _received.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        _received.Clear();
        return [.. lines.Select(l => Hj212Packet.Parse(l + "\r\n"))];
    }

    /// <summary>True when nothing arrives within the wait.</summary>
    public async Task<bool> StaysSilentAsync(TimeSpan wait, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        try
        {
            var n = await _stream!.ReadAsync(new byte[64], timeout.Token);
            return n == 0;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return true;
        }
    }

    private int CountLines() => _received.ToString().Split("\r\n").Length - 1;

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null) await _stream.DisposeAsync();
        _client.Dispose();
    }
}
