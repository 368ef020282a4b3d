using System.Text.Json;
using EcoEnforce.Cli;

namespace EcoEnforce.Web.Tests.Cli;

public sealed class Hj212ParseCliTests
{
    [Fact]
    public async Task Parse_writes_one_json_object_per_frame_with_the_verdict_fields()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file,
            "junk\r\n##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n",
            TestContext.Current.CancellationToken);
        var (exit, output, _) = await ConsoleCapture.CliAsync("hj212", "parse", file);
        File.Delete(file);
        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var json = JsonDocument.Parse(line).RootElement;
        foreach (var key in new[] { "valid", "crc", "deviations", "qn", "st", "cn", "pw", "mn", "flag", "pnum", "pno", "cp" })
            Assert.True(json.TryGetProperty(key, out _), key);
        Assert.Equal("1062", json.GetProperty("cn").GetString());
        Assert.Equal("010000A8900016F000169DC0", json.GetProperty("mn").GetString());
    }
}
