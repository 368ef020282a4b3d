using System.Buffers;
using System.IO.Pipelines;
using System.Threading.Channels;
using EcoEnforce.Common;
using EcoEnforce.Hj212;
using EcoEnforce.Monitoring;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace EcoEnforce.Receiver;

/// <summary>One data logger's TCP connection: cut frames (skipping junk without dropping the connection), parse,
/// queue for storage, and send the 9014 data answer only after the packet is durably stored.</summary>
public sealed partial class Hj212ConnectionHandler(IngestQueue queue, ReceiverOptions options, TimeProvider clock, EcoEnforceMetrics metrics, ILogger<Hj212ConnectionHandler> logger)
    : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var peer = connection.RemoteEndPoint?.ToString() ?? "unknown";
        var framer = new Hj212FrameReader(options.MaxDataLength);
        // Reading runs ahead of storage, so a device may pipeline uploads while earlier ones wait for their commit.
        // Answers go out in order, each after its packet is stored; at most MaxInFlightPerConnection wait per connection.
        var inFlight = Channel.CreateBounded<PendingPacket>(new BoundedChannelOptions(options.MaxInFlightPerConnection)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        LogConnected(peer);
        var answers = AnswerAsync(connection.Transport.Output, inFlight.Reader, peer);
        try
        {
            await ReadAsync(connection.Transport.Input, framer, inFlight.Writer, peer);
        }
        catch (Exception e) when (e is ConnectionResetException or IOException)
        {
            LogGone(peer, e.Message);
        }
        finally
        {
            inFlight.Writer.TryComplete();
            await answers;
            LogDisconnected(peer, framer.FramesRead, framer.SkippedBytes);
        }
    }

    private async Task ReadAsync(PipeReader input, Hj212FrameReader framer, ChannelWriter<PendingPacket> inFlight, string peer)
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
                return;
            }
            var buffer = result.Buffer;
            while (framer.TryReadFrame(ref buffer, out var frame))
            {
                var pending = new PendingPacket(new ReceivedFrame(clock.GetUtcNow().UtcDateTime, peer, frame.Bytes.ToArray(), frame.Terminator));
                metrics.PacketReceived();
                await inFlight.WriteAsync(pending);
                try
                {
                    await queue.EnqueueAsync(pending, CancellationToken.None);
                }
                catch (ChannelClosedException e)
                {
                    pending.MarkFailed(e); // the receiver is stopping: unanswered, so the device resends it
                    return;
                }
            }
            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted || result.IsCanceled) return;
        }
    }

    /// <summary>Answers in order, each only after its packet is stored. Answers whose packets are already stored go
    /// out together in one flush (one send instead of one per packet); the writer is flushed before waiting on a
    /// packet that is not stored yet, so no answer is held back.</summary>
    private async Task AnswerAsync(PipeWriter output, ChannelReader<PendingPacket> inFlight, string peer)
    {
        var answering = true;
        var unflushed = false;
        while (true)
        {
            if (!inFlight.TryRead(out var pending))
            {
                if (unflushed) answering = await TryFlushAsync(output);
                unflushed = false;
                if (!await inFlight.WaitToReadAsync()) return;
                continue;
            }
            if (!pending.Stored.IsCompleted && unflushed)
            {
                answering = await TryFlushAsync(output);
                unflushed = false;
            }
            try
            {
                await pending.Stored;
            }
            catch (Exception e)
            {
                // Nothing after a failed batch is answered on this connection; the device resends it.
                if (e is not OperationCanceledException and not ChannelClosedException) LogStoreFailed(e, peer);
                answering = false;
            }
            if (answering && pending.Answer is { } answer)
            {
                try
                {
                    output.Write(answer);
                    unflushed = true;
                }
                catch (InvalidOperationException)
                {
                    answering = false; // the transport is already closed
                }
            }
        }
    }

    /// <summary>False once the device no longer reads: the rest of what it sent is still stored, just not answered.</summary>
    private static async Task<bool> TryFlushAsync(PipeWriter output)
    {
        try
        {
            var flush = await output.FlushAsync();
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
