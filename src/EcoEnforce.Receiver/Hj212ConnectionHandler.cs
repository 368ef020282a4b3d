using System.Buffers;
using System.IO.Pipelines;
using EcoEnforce.Hj212;
using EcoEnforce.Monitoring;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace EcoEnforce.Receiver;

/// <summary>One data logger's TCP connection: cut frames (skipping junk without dropping the connection), parse,
/// queue for storage, and send the 9014 data answer only after the packet is durably stored.</summary>
public sealed partial class Hj212ConnectionHandler(IngestQueue queue, ReceiverOptions options, TimeProvider clock, ILogger<Hj212ConnectionHandler> logger)
    : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var peer = connection.RemoteEndPoint?.ToString() ?? "unknown";
        var framer = new Hj212FrameReader(options.MaxDataLength);
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        LogConnected(peer);
        var answering = true;
        try
        {
            while (true)
            {
                // Only silence ends a connection from this side. A device that closes (or half-closes) right after
                // sending still has everything it sent stored: received bytes are evidence.
                using var idle = new CancellationTokenSource(TimeSpan.FromSeconds(options.IdleTimeoutSeconds));
                ReadResult result;
                try
                {
                    result = await input.ReadAsync(idle.Token);
                }
                catch (OperationCanceledException)
                {
                    LogIdle(peer);
                    break;
                }
                var buffer = result.Buffer;
                var packets = new List<PendingPacket>();
                while (framer.TryReadFrame(ref buffer, out var frame))
                {
                    var packet = Hj212Packet.Parse(frame);
                    var pending = new PendingPacket(new ReceivedPacket(clock.GetUtcNow().UtcDateTime, peer, packet));
                    await queue.EnqueueAsync(pending, CancellationToken.None);
                    packets.Add(pending);
                }
                input.AdvanceTo(buffer.Start, buffer.End);
                foreach (var pending in packets)
                {
                    await pending.Stored;
                    if (answering) answering = await TryAcknowledgeAsync(output, pending.Packet.Packet);
                }
                if (result.IsCompleted || result.IsCanceled) break;
            }
        }
        catch (Exception e) when (e is ConnectionResetException or IOException)
        {
            LogGone(peer, e.Message);
        }
        catch (Exception e)
        {
            LogStoreFailed(e, peer);
        }
        finally
        {
            LogDisconnected(peer, framer.FramesRead, framer.SkippedBytes);
        }
    }

    /// <summary>Data uploads that ask for an answer (Flag bit A) get 9014; invalid frames get none, so the device resends.
    /// False once the device no longer reads: the rest of what it sent is still stored, just not answered.</summary>
    private static async Task<bool> TryAcknowledgeAsync(PipeWriter output, Hj212Packet packet)
    {
        if (!packet.IsValid || packet.Flag is not { NeedsReply: true } || ReadingKinds.Of(packet.CnCode) is null) return true;
        try
        {
            var flush = await output.WriteAsync(Hj212Replies.DataAnswer(packet));
            return !flush.IsCompleted && !flush.IsCanceled;
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or InvalidOperationException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HJ 212 connection from {Peer}")]
    private partial void LogConnected(string peer);

    [LoggerMessage(Level = LogLevel.Information, Message = "HJ 212 connection from {Peer} closed: {Frames} frames, {Skipped} junk bytes skipped")]
    private partial void LogDisconnected(string peer, long frames, long skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "HJ 212 connection from {Peer} reset: {Reason}")]
    private partial void LogGone(string peer, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "HJ 212 connection from {Peer} idle too long, closing")]
    private partial void LogIdle(string peer);

    [LoggerMessage(Level = LogLevel.Error, Message = "HJ 212 connection from {Peer} failed; unacknowledged data will be resent by the device")]
    private partial void LogStoreFailed(Exception e, string peer);
}
