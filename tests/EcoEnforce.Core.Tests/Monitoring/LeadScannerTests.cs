using EcoEnforce.Core.Tests.Problems;
using EcoEnforce.Data;
using EcoEnforce.Monitoring;
using EcoEnforce.Monitoring.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Core.Tests.Monitoring;

/// <summary>The scanner over stored hour data: a stretch of SO₂ that does not move while the flow does becomes one
/// lead at the right hours, and scanning again adds nothing.</summary>
public sealed class LeadScannerTests : IDisposable
{
    private readonly ProblemTestDb _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTime Start = new(2022, 8, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Dispose() => _db.Dispose();

    private async Task<int> PointWithReadingsAsync()
    {
        var enterprise = await _db.AddEnterpriseAsync("涪陵示例热电有限公司");
        using var scope = _db.NewScope();
        var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        var point = new MonitoringPoint { EnterpriseId = enterprise, Mn = "88888880000001", Name = "1号锅炉排口", Medium = MonitoringMedium.Air };
        db.MonitoringPoints.Add(point);
        var random = new Random(7);
        for (var h = 0; h < 96; h++)
        {
            var so2 = h is >= 40 and < 52 ? 35.2 : 30 + random.NextDouble() * 10;
            db.Readings.Add(Reading(point.Mn, "a21026", h, so2));
            db.Readings.Add(Reading(point.Mn, "a00000", h, 50 + random.NextDouble() * 20));
        }
        await db.SaveChangesAsync(Ct);
        return point.Id;
    }

    private static Reading Reading(string mn, string code, int hour, double value) => new()
    {
        Mn = mn, Kind = ReadingKind.Hour, PollutantCode = code, DataTimeUtc = Start.AddHours(hour), Value = value, Flag = "N",
    };

    private async Task<int> ScanAsync(int point)
    {
        using var scope = _db.NewScope();
        return await scope.ServiceProvider.GetRequiredService<LeadScanner>().ScanAsync(Start, Start.AddHours(96), point, null, Ct);
    }

    [Fact]
    public async Task A_stuck_so2_stretch_becomes_one_lead_at_its_hours_and_a_rescan_adds_nothing()
    {
        var point = await PointWithReadingsAsync();
        Assert.True(await ScanAsync(point) >= 1);
        using (var scope = _db.NewScope())
        {
            var leads = await scope.ServiceProvider.GetRequiredService<EcoEnforceDb>().Leads.AsNoTracking().ToListAsync(Ct);
            var stuck = Assert.Single(leads, l => l.Signature == "stuck");
            Assert.Equal(("a21026", Start.AddHours(40), Start.AddHours(51)), (stuck.PollutantCode, stuck.FromUtc, stuck.ToUtc));
            Assert.Contains("35.2", stuck.Explanation, StringComparison.Ordinal);
        }
        Assert.Equal(0, await ScanAsync(point));
    }

    [Fact]
    public async Task An_hour_whose_reported_average_disagrees_with_its_minutes_becomes_an_aggregate_mismatch_lead()
    {
        var enterprise = await _db.AddEnterpriseAsync("涪陵示例化工有限公司");
        int point;
        using (var scope = _db.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            var p = new MonitoringPoint { EnterpriseId = enterprise, Mn = "88888880000002", Name = "2号排口", Medium = MonitoringMedium.Air };
            db.MonitoringPoints.Add(p);
            var random = new Random(11);
            for (var h = 0; h < 6; h++)
            {
                var sum = 0.0;
                for (var m = 0; m < 60; m++)
                {
                    var value = Math.Round(30 + random.NextDouble() * 10, 2);
                    sum += value;
                    db.Readings.Add(new Reading { Mn = p.Mn, Kind = ReadingKind.Minute, PollutantCode = "a21026", DataTimeUtc = Start.AddHours(h).AddMinutes(m), Value = value, Flag = "N" });
                }
                // Hour 3 reports 20 where its sixty minutes average about 35.
                db.Readings.Add(Reading(p.Mn, "a21026", h, h == 3 ? 20 : Math.Round(sum / 60, 3)));
            }
            await db.SaveChangesAsync(Ct);
            point = p.Id;
        }
        using (var scope = _db.NewScope())
            await scope.ServiceProvider.GetRequiredService<LeadScanner>().ScanAsync(Start, Start.AddHours(6), point, null, Ct);
        using var read = _db.NewScope();
        var lead = Assert.Single(await read.ServiceProvider.GetRequiredService<EcoEnforceDb>().Leads.AsNoTracking()
            .Where(l => l.MonitoringPointId == point && l.Signature == "aggregate-mismatch").ToListAsync(Ct));
        Assert.Equal(("a21026", Start.AddHours(3), ReadingKind.Hour), (lead.PollutantCode, lead.FromUtc, lead.Kind));
    }

    [Theory]
    [InlineData(new[] { 0.6, 0.5 }, 0.8)]
    [InlineData(new[] { 0.7 }, 0.7)]
    [InlineData(new double[0], 0.0)]
    public void Independent_leads_combine_as_one_minus_the_product_of_their_complements(double[] scores, double expected) =>
        Assert.Equal(expected, LeadRanking.Combine(scores), 6);
}
