namespace EcoEnforce.Monitoring.Archive;

/// <summary>One China day of one series (an outlet's minute or hour data of one pollutant) packed into a blob: the
/// compacted form of the rows in <see cref="Reading"/>. A year of minute data for 52 outlets × 8 quantities is
/// 220 million rows but only 150 thousand chunks, which is what lets a full-history scan read at memory speed.
/// Rows stay the receiver's write path; <see cref="ReadingCompactor"/> moves finished days into chunks.</summary>
public sealed class ReadingChunk
{
    public required string Mn { get; set; }
    public ReadingKind Kind { get; set; }
    public required string PollutantCode { get; set; }
    /// <summary>Midnight Beijing time at the start of the day, in UTC.</summary>
    public DateTime DayStartUtc { get; set; }
    /// <summary>Readings in the chunk (slots present).</summary>
    public int Count { get; set; }
    /// <summary>Encoded by <see cref="ReadingChunkCodec"/>.</summary>
    public required byte[] Data { get; set; }
}
