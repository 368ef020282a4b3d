using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoEnforce.Data.Configurations;

public sealed class RosterEntryConfiguration : IEntityTypeConfiguration<Reports.RosterEntry>
{
    public void Configure(EntityTypeBuilder<Reports.RosterEntry> b)
    {
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.Post).HasMaxLength(100);
        b.Property(e => e.Phone).HasMaxLength(30);
        b.HasOne(e => e.Department).WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.Year, e.DepartmentId });
    }
}

public sealed class MonthlyReportConfiguration : IEntityTypeConfiguration<Reports.MonthlyReport>
{
    public void Configure(EntityTypeBuilder<Reports.MonthlyReport> b)
    {
        b.Property(r => r.FiledBy).HasMaxLength(50);
        b.Property(r => r.Phone).HasMaxLength(30);
        b.Property(r => r.CreatedBy).HasMaxLength(100);
        b.Property(r => r.SubmittedBy).HasMaxLength(100);
        b.Property(r => r.ReviewedBy).HasMaxLength(100);
        b.Property(r => r.ReviewComment).HasMaxLength(1000);
        b.Property(r => r.Status).IsConcurrencyToken();
        b.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        // Two people starting the same month's report at once get one revision, not two.
        b.HasIndex(r => new { r.CampaignId, r.UnitId, r.Year, r.Month, r.Revision }).IsUnique();
        b.HasIndex(r => new { r.Year, r.Month, r.Status });
    }
}

public sealed class TypicalCaseConfiguration : IEntityTypeConfiguration<Reports.TypicalCase>
{
    public void Configure(EntityTypeBuilder<Reports.TypicalCase> b)
    {
        b.Property(c => c.Summary).HasMaxLength(2000);
        b.Property(c => c.ChosenBy).HasMaxLength(100);
        b.HasOne(c => c.Problem).WithMany().HasForeignKey(c => c.ProblemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.Year, c.ProblemId }).IsUnique();
    }
}
