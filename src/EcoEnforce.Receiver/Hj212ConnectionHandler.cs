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
        try
        {
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
                idle.CancelAfter(TimeSpan.FromSeconds(options.IdleTimeoutSeconds));
                ReadResult result;
                try
                {
                    result = await input.ReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!connection.ConnectionClosed.IsCancellationRequested)
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
                    await queue.EnqueueAsync(pending, connection.ConnectionClosed);
                    packets.Add(pending);
                }
                input.AdvanceTo(buffer.Start, buffer.End);
                foreach (var pending in packets)
                {
                    await pending.Stored;
                    await AcknowledgeAsync(output, pending.Packet.Packet, connection.ConnectionClosed);
                }
                if (result.IsCompleted || result.IsCanceled) break;
            }
        }
        catch (Exception e) when (e is ConnectionResetException or OperationCanceledException or IOException)
        {
            // The device went away; whatever was stored stays stored, the rest it will resend.
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

    /// <summary>Data uploads that ask for an answer (Flag bit A) get 9014; invalid frames get none, so the device resends.</summary>
    private static async Task AcknowledgeAsync(PipeWriter output, Hj212Packet packet, CancellationToken ct)
    {
        if (!packet.IsValid || packet.Flag is not { NeedsReply: true } || ReadingKinds.Of(packet.CnCode) is null) return;
        await output.WriteAsync(Hj212Replies.DataAnswer(packet), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HJ 212 connection from {Peer}")]
    private partial void LogConnected(string peer);

    [LoggerMessage(Level = LogLevel.Information, Message = "HJ 212 connection from {Peer} closed: {Frames} frames, {Skipped} junk bytes skipped")]
    private partial void LogDisconnected(string peer, long frames, long skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "HJ 212 connection from {Peer} idle too long, closing")]
    private partial void LogIdle(string peer);

    [LoggerMessage(Level = LogLevel.Error, Message = "HJ 212 connection from {Peer} failed; unacknowledged data will be resent by the device")]
    private partial void LogStoreFailed(Exception e, string peer);
}
