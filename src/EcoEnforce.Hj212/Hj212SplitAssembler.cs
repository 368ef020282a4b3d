namespace EcoEnforce.Hj212;

public enum Hj212AssemblyState
{
    /// <summary>The packet carries no PNUM/PNO; use it as it is.</summary>
    NotSplit,
    /// <summary>Stored; more parts are expected.</summary>
    Pending,
    /// <summary>This part was already received (the device resent it).</summary>
    Duplicate,
    /// <summary>All parts are in; <see cref="Hj212Assembly.Message"/> holds them merged.</summary>
    Complete,
}

/// <summary>A split message put back together, or what arrived of it before the timeout.</summary>
public sealed record Hj212SplitMessage(
    string? Mn,
    string? Cn,
    string? DataTime,
    int Pnum,
    IReadOnlyList<Hj212Packet> Parts,
    IReadOnlyList<Hj212Item> Items)
{
    public bool IsComplete => Parts.Count == Pnum;
}

public readonly record struct Hj212Assembly(Hj212AssemblyState State, Hj212SplitMessage? Message);

/// <summary>
/// Reassembles split packets (Flag D bit; tables C.47–C.50). Each part has its own QN and repeats
/// DataTime, so parts are keyed by (MN, CN, DataTime, PNUM) and may arrive in any order.
/// Incomplete sets are dropped after <c>timeout</c> and handed back by <see cref="RemoveExpired"/>
/// so the parts that did arrive are still stored.
/// </summary>
public sealed class Hj212SplitAssembler(TimeProvider clock, TimeSpan timeout)
{
    private readonly Dictionary<(string?, string?, string?, int), Pending> _pending = [];

    public int PendingCount => _pending.Count;

    public Hj212Assembly Add(Hj212Packet part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (part.Pnum is not { } pnum || part.Pno is not { } pno || pnum < 1)
        {
            return new(Hj212AssemblyState.NotSplit, null);
        }
        var key = (part.Mn, part.Cn, part.DataTime, pnum);
        if (!_pending.TryGetValue(key, out var pending))
        {
            pending = new Pending(clock.GetUtcNow());
            _pending.Add(key, pending);
        }
        if (!pending.Parts.TryAdd(pno, part))
        {
            return new(Hj212AssemblyState.Duplicate, null);
        }
        if (pending.Parts.Count < pnum)
        {
            return new(Hj212AssemblyState.Pending, null);
        }
        _pending.Remove(key);
        return new(Hj212AssemblyState.Complete, Merge(key, pending));
    }

    /// <summary>Removes and returns the sets whose first part arrived more than the timeout ago.</summary>
    public IReadOnlyList<Hj212SplitMessage> RemoveExpired()
    {
        var now = clock.GetUtcNow();
        var expired = new List<Hj212SplitMessage>();
        foreach (var (key, pending) in _pending.Where(p => now - p.Value.FirstSeen >= timeout).ToList())
        {
            _pending.Remove(key);
            expired.Add(Merge(key, pending));
        }
        return expired;
    }

    private static Hj212SplitMessage Merge((string? Mn, string? Cn, string? DataTime, int Pnum) key, Pending pending)
    {
        var parts = pending.Parts.OrderBy(p => p.Key).Select(p => p.Value).ToList();
        var items = new Dictionary<string, (string? Code2017, Dictionary<string, string> Fields)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var item in parts.SelectMany(p => p.Items))
        {
            if (!items.TryGetValue(item.Code, out var merged))
            {
                merged = (item.Code2017, new Dictionary<string, string>(StringComparer.Ordinal));
                items.Add(item.Code, merged);
                order.Add(item.Code);
            }
            foreach (var (suffix, value) in item.Fields)
            {
                merged.Fields.TryAdd(suffix, value);
            }
        }
        var mergedItems = order.Select(c => new Hj212Item(c, items[c].Code2017, items[c].Fields)).ToList();
        return new Hj212SplitMessage(key.Mn, key.Cn, key.DataTime, key.Pnum, parts, mergedItems);
    }

    private sealed class Pending(DateTimeOffset firstSeen)
    {
        public DateTimeOffset FirstSeen { get; } = firstSeen;

        public SortedDictionary<int, Hj212Packet> Parts { get; } = [];
    }
}
