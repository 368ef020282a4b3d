using CsCheck;
using EcoEnforce.Core.Tests.Problems;
using EcoEnforce.Data;
using EcoEnforce.Hj212;
using EcoEnforce.Monitoring;
using EcoEnforce.Receiver.Tests.Fuzz;
using EcoEnforce.Tests.Fuzzing;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Core.Tests.Fuzz;

/// <summary>
/// The receiver's storage step on fuzzed frames: a batch is one transaction, so one frame that makes it throw would fail
/// (and leave unanswered) every frame of the batch, from every device, again on each resend. Every fuzzed batch must be
/// stored, each frame kept as evidence.
/// </summary>
public sealed class ReadingStoreFuzzTests
{
    [Fact]
    public void Fuzzed_frames_never_fail_the_batch_they_arrive_in()
    {
        using var db = new ProblemTestDb();
        var received = new DateTime(2024, 1, 23, 5, 0, 0, DateTimeKind.Utc);
        FuzzRun.Check("reading-store", Hj212FuzzInputs.Packet.Array[1, 4], packets =>
        {
            using var scope = db.NewScope();
            var context = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            var before = context.RawPackets.Count();
            var batch = packets.Select(p => new ReceivedFrame(received, "127.0.0.1:5000", p.Bytes, Hj212Terminator.CrLf)).ToList();
            new ReadingStore(context).StoreAsync(batch, null, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            Assert.Equal(before + batch.Count, context.RawPackets.Count());
        }, p => 8L * 1024 * 1024 + 1024L * p.Sum(c => c.Bytes.Length), iterations: 300,
            print: p => string.Join(" | ", p.AsEnumerable()), save: p => [.. p.SelectMany(c => c.Bytes)]);
    }

    [Fact]
    public async Task An_upload_dated_before_utc_time_begins_is_stored_without_readings_and_does_not_fail_its_batch()
    {
        using var db = new ProblemTestDb();
        using var scope = db.NewScope();
        var context = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        var frames = new[] { "00010101000000", "20240123131000" }.Select(time => Hj212Builder.Frame(Hj212Builder.DataSegment(
            new Hj212HeaderValues("20240123131000123", "31", "2011", "123456", "88888880000001", 5),
            [new("DataTime", time), new("a21026-Rtd", "35.2"), new("a21026-Flag", "N")])));
        var batch = frames.Select(f => new ReceivedFrame(new DateTime(2024, 1, 23, 5, 0, 0, DateTimeKind.Utc), "127.0.0.1:5000", f, Hj212Terminator.CrLf)).ToList();

        var stored = await new ReadingStore(context).StoreAsync(batch, null, TestContext.Current.CancellationToken);

        Assert.Equal(1, stored);
        Assert.Equal(2, context.RawPackets.Count());
    }
}
