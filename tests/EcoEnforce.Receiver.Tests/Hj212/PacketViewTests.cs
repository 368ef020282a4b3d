using EcoEnforce.Hj212;

namespace EcoEnforce.Receiver.Tests.Hj212;

public class PacketViewTests
{
    private static readonly byte[] Minute = Hj212Builder.Frame(
        "QN=20160801085000001;ST=32;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20160801084000;w00000-Cou=10.5,w00000-Min=16.4,w00000-Avg=17.5,w00000-Max=20.1,w00000-Flag=N;w01001-Min=7.1,w01001-Avg=7.5,w01001-Max=7.8,w01001-Flag=N;w01018-Cou=-0.052,w01018-Min=40.1,w01018-Avg=40.1,w01018-Max=40.1,w01018-Flag=D&&");

    [Fact]
    public void View_decodes_header_and_items_without_allocating()
    {
        Decode(Minute);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var (items, sum) = Decode(Minute);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3, items);
        Assert.Equal(10.5 + 16.4 + 17.5 + 20.1 + 7.1 + 7.5 + 7.8 - 0.052 + 40.1 * 3, sum, 9);
    }

    [Fact]
    public void View_items_expose_fields_by_kind_and_mapped_codes()
    {
        var view = Hj212PacketView.Parse(Minute);
        var items = view.Items;

        Assert.True(items.TryRead(out var flow));
        Assert.True(flow.Code.SequenceEqual("w00000"u8));
        Assert.Equal("w00000", flow.Code2017);
        Assert.True(flow.TryGetDouble(CpFieldKind.Cou, out var cou));
        Assert.Equal(10.5, cou);
        Assert.False(flow.Has(CpFieldKind.Rtd));
        Assert.Equal((byte)'N', flow.Flag);
        Assert.True(view.DataTime.SequenceEqual("20160801084000"u8));
        Assert.Equal(2051, view.Cn);
        Assert.Equal(CrcStatus.Ok, view.Crc.Status);
    }

    [Theory]
    [InlineData("7.496")]
    [InlineData("-0.052")]
    [InlineData("0.09055002")]
    [InlineData("162762.484")]
    [InlineData("1425")]
    [InlineData("1e3")]
    [InlineData("+3.5")]
    [InlineData("12345678901234567.89")]
    public void Numbers_parse_exactly_as_double_parse_does(string text)
    {
        Assert.True(Hj212Number.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("N")]
    public void Non_numbers_are_refused(string text)
    {
        Assert.False(Hj212Number.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out _));
    }

    private static readonly CpFieldKind[] Values = [CpFieldKind.Rtd, CpFieldKind.Min, CpFieldKind.Avg, CpFieldKind.Max, CpFieldKind.Cou];

    private static (int Items, double Sum) Decode(byte[] frame)
    {
        var view = Hj212PacketView.Parse(frame);
        var reader = view.Items;
        var count = 0;
        var sum = 0.0;
        while (reader.TryRead(out var item))
        {
            count++;
            foreach (var kind in Values)
            {
                if (item.TryGetDouble(kind, out var v))
                {
                    sum += v;
                }
            }
        }
        return (count, sum);
    }
}
