namespace EcoEnforce.Receiver;

/// <summary>Binds from section "Receiver".</summary>
public sealed class ReceiverOptions
{
    public const string Section = "Receiver";

    /// <summary>Listen for data loggers inside the web app. A separate receiver process sets this in its own config.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Address to bind; production sets the interface the loggers reach (e.g. 0.0.0.0).</summary>
    public string Address { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 5212;
    /// <summary>Largest data segment accepted; devices send 1025 and 1623 bytes, so the guard is above the standard's 1024.</summary>
    public int MaxDataLength { get; set; } = 4096;
    /// <summary>A connection silent for this long is closed (loggers send at least every minute or reconnect).</summary>
    public int IdleTimeoutSeconds { get; set; } = 600;
    /// <summary>Packets waiting to be stored; when full, connections stop being read (TCP backpressure) rather than
    /// memory growing.</summary>
    public int QueueCapacity { get; set; } = 20_000;
    /// <summary>Most packets stored in one transaction. The writer takes whatever is queued, so batches are small when
    /// traffic is light; under load large batches spread the commit (and each series' page write) over more readings.</summary>
    public int BatchSize { get; set; } = 5_000;
    /// <summary>Uploads one connection may have waiting for storage before its socket stops being read.</summary>
    public int MaxInFlightPerConnection { get; set; } = 256;
}
