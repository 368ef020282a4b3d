using EcoEnforce.Common;
using EcoEnforce.Hj212;
using EcoEnforce.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoEnforce.Receiver;

/// <summary>Drains the queue in batches (whatever has arrived, up to BatchSize) and stores each batch in one
/// transaction; only then are the batch's packets released for acknowledgement. A failed batch fails its packets,
/// so their devices get no 9014 and resend.</summary>
public sealed partial class IngestWriter(IngestQueue queue, IServiceScopeFactory scopes, ReceiverOptions options, EcoEnforceMetrics metrics, ILogger<IngestWriter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingPacket>(options.BatchSize);
        var reader = queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < options.BatchSize && reader.TryRead(out var pending)) batch.Add(pending);
                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        finally
        {
            // Shutting down: whatever was not stored is released unanswered, so connections close promptly and the
            // devices resend it to the next node or after the restart.
            queue.Complete();
            var stopped = new OperationCanceledException("The receiver is stopping.");
            foreach (var pending in batch) pending.MarkFailed(stopped);
            while (reader.TryRead(out var pending)) pending.MarkFailed(stopped);
        }
    }

    private async Task WriteAsync(List<PendingPacket> batch, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ReadingStore>();
            var readings = await store.StoreAsync([.. batch.Select(b => b.Frame)], (i, packet) => batch[i].Answer = DataAnswerFor(packet), ct);
            foreach (var pending in batch) pending.MarkStored();
            metrics.PacketsStored(batch.Count, readings);
            LogStored(batch.Count, readings);
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException) LogFailed(e, batch.Count);
            metrics.PacketsFailed(batch.Count);
            foreach (var pending in batch) pending.MarkFailed(e);
        }
    }

    /// <summary>Data uploads that ask for an answer (Flag bit A) get 9014; invalid frames get none, so the device resends.
    /// Nor does a packet whose QN, PW or MN no reply can carry: answering it would throw and fail the whole batch.</summary>
    public static byte[]? DataAnswerFor(Hj212Packet packet) =>
        packet.IsValid && packet.Flag is { NeedsReply: true } && ReadingKinds.Of(packet.CnCode) is not null && Hj212Replies.CanReply(packet)
            ? Hj212Replies.DataAnswer(packet)
            : null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {Packets} packets, {Readings} new readings")]
    private partial void LogStored(int packets, int readings);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a batch of {Packets} packets failed; they will not be acknowledged")]
    private partial void LogFailed(Exception e, int packets);
}
