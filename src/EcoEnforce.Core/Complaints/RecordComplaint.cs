using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Complaints;

/// <summary>A complaint typed in by staff: a letter, a visit, a 12369 call. It goes through the same checks and intake
/// as an imported row.</summary>
public static class RecordComplaint
{
    public sealed record Command(ComplaintChannel Channel, string? ExternalNumber, DateTime ReceivedChina, string? Text, string? Address,
        double? Latitude, double? Longitude, string? ComplainantName, string? ComplainantPhone);

    public sealed class Handler(EcoEnforceDb db, ComplaintIntake intake, TimeProvider clock)
    {
        public async Task<Result<int>> HandleAsync(Command c, CancellationToken ct)
        {
            if (!Enum.IsDefined(c.Channel)) return Result<int>.Fail("Channel", "请选择渠道");
            var cells = new Dictionary<string, string?>
            {
                [ComplaintColumns.Number[0]] = c.ExternalNumber,
                [ComplaintColumns.Received[0]] = c.ReceivedChina.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                [ComplaintColumns.Text[0]] = c.Text,
                [ComplaintColumns.Address[0]] = c.Address,
                [ComplaintColumns.Latitude[0]] = c.Latitude?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                [ComplaintColumns.Longitude[0]] = c.Longitude?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                [ComplaintColumns.Name[0]] = c.ComplainantName,
                [ComplaintColumns.Phone[0]] = c.ComplainantPhone,
            };
            var (complaint, errors) = ComplaintRow.Parse(column => cells.GetValueOrDefault(column), c.Channel);
            if (complaint is null) return Result<int>.Fail(errors);
            if (complaint.ExternalNumber is { } n && await db.Complaints.AnyAsync(x => x.Channel == c.Channel && x.ExternalNumber == n, ct))
                return Result<int>.Fail(ComplaintColumns.Number[0], "该渠道下此工单编号已登记");
            await intake.LoadAsync(ct);
            intake.Enrich(complaint);
            complaint.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
            await intake.MergeDuplicatesAsync([complaint], ct);
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(complaint.Id);
        }
    }
}
