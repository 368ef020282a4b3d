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

    [Fact]
    public async Task False_alarms_dismissed_at_an_outlet_raise_the_bar_for_that_signature_there_and_tasks_lower_it_again()
    {
        var point = await PointWithReadingsAsync();
        using (var scope = _db.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            var enterprise = await db.MonitoringPoints.Where(p => p.Id == point).Select(p => p.EnterpriseId).FirstAsync(Ct);
            // Ten earlier stuck leads at this outlet, all dismissed as false alarms: the floor reaches its maximum.
            for (var i = 0; i < 10; i++)
                db.Leads.Add(new Lead
                {
                    MonitoringPointId = point, EnterpriseId = enterprise, Signature = "stuck", PollutantCode = "a21026", Kind = ReadingKind.Hour,
                    FromUtc = Start.AddDays(-30 - i), ToUtc = Start.AddDays(-30 - i).AddHours(5), Score = 0.5, Explanation = "旧线索",
                    DetectedAtUtc = Start, Status = LeadStatus.Dismissed, DismissKind = i < 9 ? DismissKind.FalseAlarm : DismissKind.RecordedMaintenance,
                    DismissReason = "数据正常", DecidedAtUtc = _db.Clock.GetUtcNow().UtcDateTime.AddDays(-i),
                });
            await db.SaveChangesAsync(Ct);
        }
        await ScanAsync(point);
        Assert.DoesNotContain(await OpenLeadsAsync(), l => l.Signature == "stuck");

        // Nine false alarms (the maintenance one does not count) less eight confirmed by inspections: floor 0.1.
        using (var scope = _db.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            var tally = Assert.Single(await LeadFeedback.TalliesAsync(db, _db.Clock.GetUtcNow().UtcDateTime, Ct));
            Assert.Equal((9, 1, 0, 0.9), (tally.FalseAlarms, tally.OtherDismissals, tally.Tasked, tally.Floor));
            foreach (var old in await db.Leads.Where(l => l.DismissKind == DismissKind.FalseAlarm).Take(8).ToListAsync(Ct))
                (old.Status, old.DismissKind) = (LeadStatus.Tasked, null);
            await db.SaveChangesAsync(Ct);
        }
        await ScanAsync(point);
        Assert.Contains(await OpenLeadsAsync(), l => l.Signature == "stuck" && l.Score >= 0.1);
    }

    private async Task<List<Lead>> OpenLeadsAsync()
    {
        using var scope = _db.NewScope();
        return await scope.ServiceProvider.GetRequiredService<EcoEnforceDb>().Leads.AsNoTracking().Where(l => l.Status == LeadStatus.Open).ToListAsync(Ct);
    }

    [Theory]
    [InlineData(3, 0, 0.3)]
    [InlineData(3, 1, 0.2)]
    [InlineData(1, 4, 0.0)]
    [InlineData(30, 0, 0.9)]
    public void Each_false_alarm_raises_the_floor_a_step_and_each_task_lowers_it_within_bounds(int falseAlarms, int tasked, double floor) =>
        Assert.Equal(floor, LeadFeedback.Floor(falseAlarms, tasked), 6);

    [Theory]
    [InlineData(new[] { 0.6, 0.5 }, 0.8)]
    [InlineData(new[] { 0.7 }, 0.7)]
    [InlineData(new double[0], 0.0)]
    public void Independent_leads_combine_as_one_minus_the_product_of_their_complements(double[] scores, double expected) =>
        Assert.Equal(expected, LeadRanking.Combine(scores), 6);
}
