using System.Threading.Channels;
using EcoEnforce.Monitoring;

namespace EcoEnforce.Receiver;

/// <summary>A frame waiting to be stored, and the signal the connection waits on before acknowledging it.</summary>
public sealed class PendingPacket(ReceivedFrame frame)
{
    private readonly TaskCompletionSource _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReceivedFrame Frame { get; } = frame;
    /// <summary>The 9014 to send once stored, when the upload asked for one; set by the writer as it parses.</summary>
    public byte[]? Answer { get; set; }
    public Task Stored => _stored.Task;
    public void MarkStored() => _stored.TrySetResult();
    public void MarkFailed(Exception e) => _stored.TrySetException(e);
}

/// <summary>The bounded hand-over from connections to the writer.</summary>
public sealed class IngestQueue(ReceiverOptions options)
{
    private readonly Channel<PendingPacket> _channel = Channel.CreateBounded<PendingPacket>(new BoundedChannelOptions(options.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    public ChannelReader<PendingPacket> Reader => _channel.Reader;

    /// <summary>Fails once the receiver is stopping (<see cref="Complete"/>): the packet is then neither stored nor answered.</summary>
    public ValueTask EnqueueAsync(PendingPacket packet, CancellationToken ct) => _channel.Writer.WriteAsync(packet, ct);

    public void Complete() => _channel.Writer.TryComplete();
}
