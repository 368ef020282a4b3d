namespace EcoEnforce.Auditing;

public enum ChainBreakKind
{
    /// <summary>The entry's fields no longer give its hash: edited, or moved to another position.</summary>
    Edited,
    /// <summary>Sequence numbers skip: entries in between were deleted.</summary>
    Deleted,
    /// <summary>The entry does not link to the one before it: inserted, reordered, or the previous entry was rewritten
    /// with a recomputed hash.</summary>
    Unlinked,
    /// <summary>The head recorded elsewhere is not in the chain: the newest entries were deleted, or the chain was rebuilt.</summary>
    HeadMissing,
}

/// <summary>Where and how the chain breaks; <see cref="Sequence"/> and <see cref="Id"/> name the first entry found broken.</summary>
public sealed record ChainBreak(ChainBreakKind Kind, long? Sequence, long? Id, string Message);

/// <summary>Checks entries one at a time in sequence order, holding only the previous hash, so a chain of any length
/// is verified in constant memory. Feed every sealed entry to <see cref="Next"/>, then call <see cref="Finish"/>.</summary>
public sealed class ChainVerifier(string? expectedHead = null)
{
    private readonly string? _expectedHead = expectedHead?.Trim().ToLowerInvariant();
    private string _previous = AuditHash.Genesis;

    public long Count { get; private set; }
    public string? HeadHash { get; private set; }
    /// <summary>The sequence number at which the expected head was found.</summary>
    public long? ExpectedHeadAt { get; private set; }
    public ChainBreak? Break { get; private set; }

    /// <summary>Checks one entry; false once the chain is broken (later entries are not looked at).</summary>
    public bool Next(AuditEntry entry)
    {
        if (Break is not null) return false;
        var expected = Count + 1;
        if (entry.Sequence != expected)
        {
            var at = Describe(entry);
            Break = entry.Sequence > expected
                ? new(ChainBreakKind.Deleted, entry.Sequence, entry.Id,
                    expected == entry.Sequence - 1
                        ? $"第 {expected} 条审计记录缺失（已被删除）；下一条是{at}"
                        : $"第 {expected}–{entry.Sequence - 1} 条审计记录缺失（已被删除）；下一条是{at}")
                : new(ChainBreakKind.Unlinked, entry.Sequence, entry.Id, $"{at}的序号重复或乱序");
            return false;
        }
        if (!string.Equals(entry.PrevHash, _previous, StringComparison.Ordinal))
        {
            var at = Describe(entry);
            Break = new(ChainBreakKind.Unlinked, entry.Sequence, entry.Id, expected == 1
                ? $"{at}不是链的起点：其前序哈希应为全零"
                : $"{at}与第 {expected - 1} 条不衔接：前序哈希不等于第 {expected - 1} 条的哈希（本条被插入或调换了位置，或第 {expected - 1} 条被改写后重算了哈希）");
            return false;
        }
        if (!string.Equals(AuditHash.Compute(entry), entry.Hash, StringComparison.Ordinal))
        {
            Break = new(ChainBreakKind.Edited, entry.Sequence, entry.Id, $"{Describe(entry)}的内容与其哈希不符：字段或序号被修改");
            return false;
        }
        Count = expected;
        _previous = entry.Hash!;
        HeadHash = entry.Hash;
        if (_expectedHead is not null && ExpectedHeadAt is null && string.Equals(entry.Hash, _expectedHead, StringComparison.Ordinal))
            ExpectedHeadAt = entry.Sequence;
        return true;
    }

    private static string Describe(AuditEntry e) =>
        $"第 {e.Sequence} 条审计记录（Id {e.Id}，{AuditHash.FormatTime(e.AtUtc)} {e.Actor} {e.Action} {e.EntityType} {e.EntityKey}）";

    /// <summary>After the last entry: the expected head, if any, must have been seen.</summary>
    public ChainBreak? Finish()
    {
        if (Break is null && _expectedHead is not null && ExpectedHeadAt is null)
            Break = new(ChainBreakKind.HeadMissing, null, null,
                $"之前记录的链头哈希 {_expectedHead} 不在链中：最新的审计记录被删除，或整条链从某处起被改写后重算（当前共 {Count} 条，链头 {HeadHash ?? "无"}）");
        return Break;
    }
}
