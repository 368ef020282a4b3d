using EcoEnforce.Hj212;
using EcoEnforce.Receiver.Tests.Support;

namespace EcoEnforce.Receiver.Tests.Hj212;

public class SplitAssemblerTests
{
    private const string Part1 = "QN=20160801085857534;ST=32;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=7;PNUM=2;PNO=1;CP=&&DataTime=20160801080000;w00000-Cou=63.0,w00000-Flag=N&&";
    private const string Part2 = "QN=20160801085857535;ST=32;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=7;PNUM=2;PNO=2;CP=&&DataTime=20160801080000;w01018-Cou=63.0,w01018-Flag=N&&";

    private readonly ManualClock _clock = new();

    [Fact]
    public void Packet_without_pnum_passes_through()
    {
        var assembler = new Hj212SplitAssembler(_clock, TimeSpan.FromSeconds(30));

        var result = assembler.Add(Parse("QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&"));

        Assert.Equal(Hj212AssemblyState.NotSplit, result.State);
    }

    [Fact]
    public void Resent_part_is_reported_as_duplicate_and_not_merged_twice()
    {
        var assembler = new Hj212SplitAssembler(_clock, TimeSpan.FromSeconds(30));

        var first = assembler.Add(Parse(Part1));
        var again = assembler.Add(Parse(Part1));
        var last = assembler.Add(Parse(Part2));

        Assert.Equal((Hj212AssemblyState.Pending, Hj212AssemblyState.Duplicate, Hj212AssemblyState.Complete), (first.State, again.State, last.State));
        Assert.Equal(2, last.Message!.Parts.Count);
        Assert.Equal(["w00000", "w01018"], last.Message.Items.Select(i => i.Code));
        Assert.Equal(0, assembler.PendingCount);
    }

    [Fact]
    public void Incomplete_set_is_handed_back_after_the_timeout_and_not_before()
    {
        var assembler = new Hj212SplitAssembler(_clock, TimeSpan.FromSeconds(30));
        assembler.Add(Parse(Part2));

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(assembler.RemoveExpired());

        _clock.Advance(TimeSpan.FromSeconds(1));
        var expired = Assert.Single(assembler.RemoveExpired());
        Assert.False(expired.IsComplete);
        Assert.Equal("w01018", Assert.Single(expired.Items).Code);
        Assert.Equal(0, assembler.PendingCount);
    }

    [Fact]
    public void Parts_of_different_data_times_are_kept_apart()
    {
        var assembler = new Hj212SplitAssembler(_clock, TimeSpan.FromSeconds(30));

        assembler.Add(Parse(Part1));
        var other = assembler.Add(Parse(Part2.Replace("DataTime=20160801080000", "DataTime=20160801090000", StringComparison.Ordinal)));

        Assert.Equal(Hj212AssemblyState.Pending, other.State);
        Assert.Equal(2, assembler.PendingCount);
    }

    private static Hj212Packet Parse(string segment) => Hj212Packet.Parse(Hj212Builder.Frame(segment));
}
