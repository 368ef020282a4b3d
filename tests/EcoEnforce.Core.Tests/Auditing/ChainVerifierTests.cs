using EcoEnforce.Auditing;

namespace EcoEnforce.Core.Tests.Auditing;

/// <summary>The chain on its own, without a database: what each kind of tampering looks like to the verifier.</summary>
public sealed class ChainVerifierTests
{
    /// <summary>Five entries linked as the application links them.</summary>
    private static List<AuditEntry> Chain(int count = 5)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditHash.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var entry = new AuditEntry
            {
                Id = 100 + i,
                AtUtc = new DateTime(2022, 9, 20, 2, 0, i, DateTimeKind.Utc),
                Actor = "测试员",
                Action = i == 1 ? "新增" : "修改",
                EntityType = "Enterprise",
                EntityKey = "7",
                Before = i == 1 ? null : $$"""{"Name":"重庆甲化工{{i - 1}}"}""",
                After = $$"""{"Name":"重庆甲化工{{i}}"}""",
                Sequence = i,
                PrevHash = previous,
            };
            entry.Hash = AuditHash.Compute(entry);
            previous = entry.Hash;
            entries.Add(entry);
        }
        return entries;
    }

    private static ChainVerifier Verify(IEnumerable<AuditEntry> entries, string? expectedHead = null)
    {
        var verifier = new ChainVerifier(expectedHead);
        foreach (var entry in entries.OrderBy(e => e.Sequence)) if (!verifier.Next(entry)) break;
        verifier.Finish();
        return verifier;
    }

    [Fact]
    public void An_untouched_chain_verifies_with_its_count_and_head()
    {
        var chain = Chain();
        var verifier = Verify(chain, chain[2].Hash);
        Assert.Null(verifier.Break);
        Assert.Equal(5, verifier.Count);
        Assert.Equal(chain[^1].Hash, verifier.HeadHash);
        Assert.Equal(3, verifier.ExpectedHeadAt);
    }

    [Fact]
    public void Editing_one_field_breaks_the_chain_at_that_entry()
    {
        var chain = Chain();
        chain[2].After = """{"Name":"重庆乙化工"}""";
        var broken = Verify(chain).Break!;
        Assert.Equal(ChainBreakKind.Edited, broken.Kind);
        Assert.Equal(3, broken.Sequence);
        Assert.Equal(103, broken.Id);
    }

    [Fact]
    public void Changing_the_time_by_a_whole_microsecond_is_an_edit_but_the_tenth_postgresql_drops_is_not()
    {
        var chain = Chain();
        chain[1].AtUtc = chain[1].AtUtc.AddTicks(9);
        Assert.Null(Verify(chain).Break);
        chain[1].AtUtc = chain[1].AtUtc.AddTicks(1);
        Assert.Equal(ChainBreakKind.Edited, Verify(chain).Break!.Kind);
    }

    [Fact]
    public void Deleting_a_middle_entry_is_reported_as_deleted_naming_the_missing_number()
    {
        var chain = Chain();
        chain.RemoveAt(2);
        var broken = Verify(chain).Break!;
        Assert.Equal(ChainBreakKind.Deleted, broken.Kind);
        Assert.Equal(4, broken.Sequence);
        Assert.Contains("第 3 条审计记录缺失", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_the_newest_entries_passes_alone_but_fails_against_the_head_recorded_before()
    {
        var chain = Chain();
        var recordedHead = chain[^1].Hash;
        chain.RemoveRange(3, 2);
        Assert.Null(Verify(chain).Break);
        var broken = Verify(chain, recordedHead).Break!;
        Assert.Equal(ChainBreakKind.HeadMissing, broken.Kind);
        Assert.Contains(recordedHead!, broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Swapping_the_positions_of_two_entries_breaks_the_chain_at_the_first()
    {
        var chain = Chain();
        (chain[1].Sequence, chain[3].Sequence) = (chain[3].Sequence, chain[1].Sequence);
        var broken = Verify(chain).Break!;
        Assert.Equal(ChainBreakKind.Unlinked, broken.Kind);
        Assert.Equal(2, broken.Sequence);
        Assert.Equal(104, broken.Id);
    }

    [Fact]
    public void Swapping_sequence_numbers_and_links_too_still_fails_because_the_number_is_hashed()
    {
        var chain = Chain();
        (chain[1].Sequence, chain[3].Sequence) = (chain[3].Sequence, chain[1].Sequence);
        (chain[1].PrevHash, chain[3].PrevHash) = (chain[3].PrevHash, chain[1].PrevHash);
        Assert.Equal(ChainBreakKind.Edited, Verify(chain).Break!.Kind);
    }

    [Fact]
    public void A_forged_entry_with_a_recomputed_hash_is_caught_by_the_next_entrys_link()
    {
        var chain = Chain();
        chain[2].Actor = "他人";
        chain[2].Hash = AuditHash.Compute(chain[2]);
        var broken = Verify(chain).Break!;
        Assert.Equal(ChainBreakKind.Unlinked, broken.Kind);
        Assert.Equal(4, broken.Sequence);
        Assert.Contains("第 3 条被改写后重算了哈希", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_inserted_in_the_middle_with_its_own_link_breaks_the_numbering_or_the_next_link()
    {
        var chain = Chain();
        foreach (var later in chain.Skip(2)) later.Sequence++;
        var forged = new AuditEntry
        {
            Id = 999, AtUtc = chain[1].AtUtc, Actor = "他人", Action = "删除", EntityType = "Enterprise", EntityKey = "7",
            Sequence = 3, PrevHash = chain[1].Hash,
        };
        forged.Hash = AuditHash.Compute(forged);
        chain.Insert(2, forged);
        var broken = Verify(chain).Break!;
        Assert.Equal(ChainBreakKind.Unlinked, broken.Kind);
        Assert.Equal(4, broken.Sequence);
    }

    [Fact]
    public void An_entry_that_is_not_the_start_cannot_pose_as_the_first()
    {
        var chain = Chain();
        chain.RemoveAt(0);
        foreach (var entry in chain) entry.Sequence--;
        Assert.Equal(ChainBreakKind.Unlinked, Verify(chain).Break!.Kind);
    }

    [Fact]
    public void The_hash_matches_the_test_vector_in_docs_audit()
    {
        var entry = new AuditEntry
        {
            AtUtc = new DateTime(2022, 9, 20, 2, 0, 0, DateTimeKind.Utc).AddTicks(1234567),
            Actor = "admin", Action = "新增", EntityType = "Draw", EntityKey = "1", Before = null, After = """{"Id":1}""",
            Sequence = 1, PrevHash = AuditHash.Genesis,
        };
        Assert.Equal("8f0d81040df983f54d4a461666020511dcfede1aa721d14ed9fc0a5fe24b6670", AuditHash.Compute(entry));
    }
}
