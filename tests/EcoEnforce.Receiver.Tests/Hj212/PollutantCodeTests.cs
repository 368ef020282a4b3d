using System.Text;
using EcoEnforce.Hj212;
using EcoEnforce.Receiver.Tests.Support;

namespace EcoEnforce.Receiver.Tests.Hj212;

public class PollutantCodeTests
{
    [Fact]
    public void Embedded_table_agrees_with_the_csv_row_for_row()
    {
        var rows = File.ReadAllLines(TestData.Path("pollutant-codes-2017.csv"), Encoding.UTF8).Skip(1)
            .Where(l => l.Length > 0).Select(SplitCsv).ToList();

        Assert.Equal(184, rows.Count);
        Assert.Equal(rows.Count, PollutantCodes.All.Count);
        foreach (var (csv, row) in rows.Zip(PollutantCodes.All))
        {
            Assert.Equal(csv[0], row.Code2017);
            Assert.Equal(csv[1], row.NameZh);
            Assert.Equal(csv[2].Length == 0 ? null : csv[2], row.Code2005);
            Assert.Equal(csv[5], row.DataType);
            Assert.Equal(csv[6].EndsWith("water", StringComparison.Ordinal) ? PollutantMedium.Water : PollutantMedium.Air, row.Medium);
        }
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return [.. fields];
    }

    [Theory]
    [InlineData("B01", "w00000")]
    [InlineData("011", "w01018")]
    [InlineData("060", "w21003")]
    [InlineData("B02", "a00000")]
    [InlineData("02", "a21026")]
    [InlineData("03", "a21002")]
    [InlineData("01", "a34013")]
    [InlineData("S01", "a19001")]
    public void Codes_from_2005_map_to_2017(string code2005, string code2017)
    {
        Assert.Equal(code2017, PollutantCodes.To2017(Encoding.ASCII.GetBytes(code2005), out var was2005));
        Assert.True(was2005);
    }

    [Fact]
    public void Unknown_vendor_codes_map_to_nothing()
    {
        Assert.Null(PollutantCodes.To2017("831"u8, out _));
        Assert.Null(PollutantCodes.To2017("ua19004"u8, out _));
        Assert.Equal("w01018", PollutantCodes.To2017("w01018"u8, out var was2005));
        Assert.False(was2005);
    }
}
