using System.Net.Http.Json;
using EcoEnforce.Data;
using EcoEnforce.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests.Receiver;

/// <summary>Data loggers talking to the real TCP receiver, on SQLite and PostgreSQL.</summary>
public abstract partial class ReceiverTests<TApp>(TApp app) where TApp : ReceiverApp
{
    protected TApp App => app;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static int _qn;
    protected static string Qn() => $"20221101{Interlocked.Increment(ref _qn):D9}";
    private static readonly DateTime BaseTime = new(2022, 11, 1, 8, 0, 0);

    protected async Task<Device> ConnectAsync(string mn)
    {
        app.SkipIfUnavailable();
        var device = new Device(mn);
        await device.ConnectAsync(app.Endpoint, Ct);
        return device;
    }

    protected async Task<string> KnownMnAsync(int index) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().MonitoringPoints
            .OrderBy(p => p.Id).Skip(index).Select(p => p.Mn).FirstAsync(Ct));

    private Task<List<Reading>> ReadingsAsync(string mn) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Readings.AsNoTracking().Where(r => r.Mn == mn).ToListAsync(Ct));

    [Fact]
    public async Task A_minute_upload_is_stored_then_answered_with_9014_echoing_its_QN()
    {
        var mn = await KnownMnAsync(0);
        await using var device = await ConnectAsync(mn);
        var qn = Qn();
        await device.SendAsync(Device.MinutePacket(mn, BaseTime, 42.5, qn), Ct);

        var answer = Assert.Single(await device.ReadAnswersAsync(1, Ct));
        Assert.Equal("9014", answer.Cn);
        Assert.Equal(qn, answer.Qn);
        Assert.Equal("91", answer.St);
        var reading = Assert.Single(await ReadingsAsync(mn));
        Assert.Equal(ReadingKind.Minute, reading.Kind);
        Assert.Equal("w01018", reading.PollutantCode);
        Assert.Equal(42.5, reading.Value);
        Assert.Equal(new DateTime(2022, 11, 1, 0, 0, 0, DateTimeKind.Utc), reading.DataTimeUtc); // 08:00 Beijing
        Assert.NotNull(reading.MonitoringPointId);
    }

    [Fact]
    public async Task A_resent_packet_is_answered_again_but_stored_once()
    {
        var mn = await KnownMnAsync(1);
        await using var device = await ConnectAsync(mn);
        var packet = Device.MinutePacket(mn, BaseTime, 30, Qn());
        await device.SendAsync(packet, Ct);
        await device.SendAsync(packet, Ct);
        Assert.Equal(2, (await device.ReadAnswersAsync(2, Ct)).Count);
        Assert.Single(await ReadingsAsync(mn));
        var raw = await app.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().RawPackets.CountAsync(p => p.Mn == mn, Ct));
        Assert.Equal(2, raw);
    }

    [Fact]
    public async Task Junk_and_byte_by_byte_delivery_do_not_break_the_connection()
    {
        var mn = await KnownMnAsync(2);
        await using var device = await ConnectAsync(mn);
        await device.SendAsync("\0\u0001GET / HTTP/1.0\r\n##12"u8.ToArray(), Ct);
        await device.SendAsync(Device.MinutePacket(mn, BaseTime, 11, Qn()), Ct, chunk: 1);
        await device.SendAsync(Device.MinutePacket(mn, BaseTime.AddMinutes(1), 12, Qn()), Ct, chunk: 7);
        Assert.Equal(2, (await device.ReadAnswersAsync(2, Ct)).Count);
        Assert.Equal(2, (await ReadingsAsync(mn)).Count);
    }

    [Fact]
    public async Task A_packet_with_a_bad_CRC_is_kept_as_evidence_but_neither_stored_as_data_nor_answered()
    {
        var mn = await KnownMnAsync(3);
        await using var device = await ConnectAsync(mn);
        var packet = Device.MinutePacket(mn, BaseTime, 99, Qn());
        packet[^3] = packet[^3] == (byte)'0' ? (byte)'1' : (byte)'0';
        await device.SendAsync(packet, Ct);
        Assert.True(await device.StaysSilentAsync(TimeSpan.FromSeconds(1), Ct));
        Assert.Empty(await ReadingsAsync(mn));
        var raw = await app.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().RawPackets.SingleAsync(p => p.Mn == mn, Ct));
        Assert.Equal("mismatch", raw.Crc);
        Assert.False(raw.IsValid);
        Assert.Equal(packet, raw.Bytes);
    }

    [Fact]
    public async Task An_unknown_MN_is_quarantined_with_its_readings_kept_unassigned()
    {
        const string mn = "99999900000001";
        await using var device = await ConnectAsync(mn);
        await device.SendAsync(Device.MinutePacket(mn, BaseTime, 5, Qn()), Ct);
        await device.ReadAnswersAsync(1, Ct);
        var unknown = await app.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().UnknownDevices.SingleAsync(d => d.Mn == mn, Ct));
        Assert.Equal(1, unknown.PacketCount);
        Assert.Null(Assert.Single(await ReadingsAsync(mn)).MonitoringPointId);
    }

    [Fact]
    public async Task Many_devices_at_once_each_acknowledged_reading_is_stored_exactly_once()
    {
        app.SkipIfUnavailable();
        const int devices = 40, packets = 25;
        var tasks = Enumerable.Range(0, devices).Select(async d =>
        {
            var mn = $"8800000000{d:D4}";
            await using var device = await ConnectAsync(mn);
            for (var i = 0; i < packets; i++)
            {
                var bytes = Device.MinutePacket(mn, BaseTime.AddMinutes(i), i, Qn());
                await device.SendAsync(bytes, Ct);
                if (i % 5 == 0) await device.SendAsync(bytes, Ct); // a resend
            }
            return (await device.ReadAnswersAsync(packets + packets / 5, Ct)).Count;
        }).ToList();
        var acknowledged = await Task.WhenAll(tasks);
        Assert.All(acknowledged, n => Assert.Equal(packets + packets / 5, n));
        var counts = await app.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Readings
            .Where(r => r.Mn.StartsWith("8800000000")).GroupBy(r => r.Mn).Select(g => g.Count()).ToListAsync(Ct));
        Assert.Equal(devices, counts.Count);
        Assert.All(counts, c => Assert.Equal(packets, c));
    }
}

public abstract partial class ReceiverTests<TApp>
{
    private async Task<HttpClient> SignedInAsync()
    {
        var client = app.Anonymous();
        // Over real Kestrel the test client follows the redirect itself, so success shows as the signed-in page.
        var login = await client.LoginAsync("admin", EcoEnforceApp.AdminPassword);
        Assert.Contains("退出", await login.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        return client;
    }

    [Fact]
    public async Task Received_data_shows_on_the_outlet_page_and_through_the_api()
    {
        var mn = await KnownMnAsync(4);
        await using (var device = await ConnectAsync(mn))
        {
            for (var i = 0; i < 3; i++) await device.SendAsync(Device.MinutePacket(mn, BaseTime.AddMinutes(i), 20 + i, Qn()), Ct);
            await device.ReadAnswersAsync(3, Ct);
        }
        var client = await SignedInAsync();
        var pointId = await app.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().MonitoringPoints.Where(p => p.Mn == mn).Select(p => p.Id).SingleAsync(Ct));
        var page = await client.GetStringAsync($"/Monitoring/Point/{pointId}", Ct);
        Assert.Contains("共 3 条", page, StringComparison.Ordinal);
        Assert.Contains("化学需氧量", page, StringComparison.Ordinal);
        var list = await client.GetStringAsync("/Monitoring", Ct);
        Assert.Contains(mn, list, StringComparison.Ordinal);

        var api = app.Anonymous().WithBearer(await app.Anonymous().TokenAsync("admin", EcoEnforceApp.AdminPassword));
        var json = await api.GetFromJsonAsync<System.Text.Json.JsonElement>(
            $"/api/v1/monitoring/readings?mn={mn}&from=2022-10-31T16:00:00Z&to=2022-11-01T16:00:00Z&kind=Minute", Ct);
        Assert.Equal(3, json.GetProperty("items").GetArrayLength());
        Assert.Equal(pointId, json.GetProperty("monitoringPointId").GetInt32());
        var bad = await api.GetAsync($"/api/v1/monitoring/readings?mn={mn}&from=2022-11-02T00:00:00Z&to=2022-11-01T00:00:00Z", Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Assigning_a_quarantined_MN_to_an_entity_moves_its_readings_to_the_new_outlet()
    {
        const string mn = "99999900000077";
        await using (var device = await ConnectAsync(mn))
        {
            await device.SendAsync(Device.MinutePacket(mn, BaseTime, 7, Qn()), Ct);
            await device.ReadAnswersAsync(1, Ct);
        }
        var client = await SignedInAsync();
        var enterpriseId = await app.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Enterprises.Select(e => e.Id).FirstAsync(Ct));
        var response = await client.PostFormAsync("/Monitoring?handler=Assign", new()
        {
            ["mn"] = mn, ["enterpriseId"] = enterpriseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["outletName"] = "新增废水排口", ["medium"] = "Water",
        }, "/Monitoring");
        Assert.Contains("新增废水排口", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var reading = Assert.Single(await ReadingsAsync(mn));
        Assert.NotNull(reading.MonitoringPointId);
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().UnknownDevices.AnyAsync(d => d.Mn == mn, Ct)));
    }
}

public abstract partial class ReceiverTests<TApp>
{
    [Fact]
    public async Task The_cli_simulator_talks_to_the_receiver_and_every_minute_it_sends_is_stored()
    {
        app.SkipIfUnavailable();
        var dataDir = Directory.CreateTempSubdirectory("ecoenforce-sim-").FullName;
        var exit = await EcoEnforce.Cli.CliProgram.RunAsync(
            ["hj212", "simulate", "--port", app.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--devices", "12", "--minutes", "15", "--rate", "200", "--start", "2022-12-01T08:00"],
            new Dictionary<string, string?> { ["ECOENFORCE_DATA_DIR"] = dataDir });
        Assert.Equal(0, exit);
        // Simulated MNs 77000000000000..11; device 9 misbehaves (split packets, resends, junk).
        var counts = await app.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Readings
            .Where(r => r.Mn.StartsWith("77000000") && r.PollutantCode == "w01018").GroupBy(r => r.Mn).Select(g => g.Count()).ToListAsync(Ct));
        Assert.Equal(12, counts.Count);
        Assert.All(counts, c => Assert.Equal(15, c));
    }
}

public abstract partial class ReceiverTests<TApp>
{
    [Fact]
    public async Task Each_part_of_a_split_upload_is_answered_and_together_they_give_every_reading()
    {
        var mn = await KnownMnAsync(5);
        await using var device = await ConnectAsync(mn);
        // HJ 212-2017 C.47–C.50: each part has its own QN, repeats DataTime and carries some of the items.
        var time = BaseTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var flag = EcoEnforce.Hj212.Hj212Flag.For(EcoEnforce.Hj212.Hj212Edition.Hj2017, needsReply: true, split: true);
        byte[] Part(int pno, string qn, string item) => EcoEnforce.Hj212.Hj212Builder.Frame(EcoEnforce.Hj212.Hj212Builder.DataSegment(
            new EcoEnforce.Hj212.Hj212HeaderValues(qn, "32", "2061", "123456", mn, flag, Pnum: 2, Pno: pno),
            [new("DataTime", time), new($"{item}-Avg", "12.5"), new($"{item}-Flag", "N")]));
        var (qn1, qn2) = (Qn(), Qn());
        await device.SendAsync(Part(2, qn2, "w21003"), Ct); // out of order
        await device.SendAsync(Part(1, qn1, "w01018"), Ct);
        var answers = await device.ReadAnswersAsync(2, Ct);
        Assert.Equal([qn2, qn1], answers.Select(a => a.Qn));
        var readings = await ReadingsAsync(mn);
        Assert.Equal(["w01018", "w21003"], readings.Where(r => r.Kind == ReadingKind.Hour).Select(r => r.PollutantCode).Order());
    }
}

public abstract partial class ReceiverTests<TApp>
{
    [Fact]
    public async Task Megabytes_of_junk_and_oversize_headers_are_skipped_and_the_next_upload_still_answered()
    {
        var mn = await KnownMnAsync(6);
        await using var device = await ConnectAsync(mn);
        var junk = new byte[2 * 1024 * 1024];
        new Random(212).NextBytes(junk);
        for (var i = 0; i < junk.Length; i++) if (junk[i] == (byte)'#') junk[i] = (byte)'x';
        await device.SendAsync(junk, Ct, chunk: 64 * 1024);
        await device.SendAsync("##9999QN=1;CN=2051\r\n"u8.ToArray(), Ct); // declared length far over the cap
        await device.SendAsync(Device.MinutePacket(mn, BaseTime.AddHours(5), 33, Qn()), Ct);
        Assert.Single(await device.ReadAnswersAsync(1, Ct));
        Assert.Single(await ReadingsAsync(mn));
    }
}

public sealed class SqliteReceiverTests(SqliteReceiverApp app) : ReceiverTests<SqliteReceiverApp>(app), IClassFixture<SqliteReceiverApp>;

public sealed class PostgresReceiverTests(PostgresReceiverApp app) : ReceiverTests<PostgresReceiverApp>(app), IClassFixture<PostgresReceiverApp>
{
    [Fact]
    public async Task On_postgres_readings_are_stored_in_the_partition_of_their_month()
    {
        var mn = await KnownMnAsync(7);
        await using (var device = await ConnectAsync(mn))
        {
            await device.SendAsync(Device.MinutePacket(mn, new DateTime(2023, 3, 15, 12, 0, 0), 9, Qn()), Ct);
            await device.SendAsync(Device.MinutePacket(mn, new DateTime(2035, 1, 1, 12, 0, 0), 9, Qn()), Ct); // beyond the partitions made
            await device.ReadAnswersAsync(2, Ct);
        }
        var partitions = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Database
            .SqlQuery<string>($"SELECT tableoid::regclass::text AS \"Value\" FROM \"Readings\" WHERE \"Mn\" = {mn} ORDER BY \"DataTimeUtc\"")
            .ToListAsync(Ct));
        Assert.Equal(["\"Readings_202303\"", "\"Readings_default\""], partitions);
    }
}

