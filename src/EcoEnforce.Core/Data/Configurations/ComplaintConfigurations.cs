using EcoEnforce.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoEnforce.Data.Configurations;

public sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Property(c => c.ExternalNumber).HasMaxLength(64);
        // NULLs are distinct in a unique index on both SQLite and PostgreSQL: letters without a number never clash.
        b.HasIndex(c => new { c.Channel, c.ExternalNumber }).IsUnique();
        b.Property(c => c.Text).HasMaxLength(4000);
        b.Property(c => c.Address).HasMaxLength(300);
        b.Property(c => c.ComplainantName).HasMaxLength(50);
        b.Property(c => c.ComplainantPhone).HasMaxLength(30);
        b.Property(c => c.UrgentReason).HasMaxLength(150);
        b.Ignore(c => c.EffectiveCategory);
        b.HasIndex(c => c.ReceivedAtUtc);
        b.HasIndex(c => new { c.TownshipId, c.ReceivedAtUtc });
        b.HasIndex(c => c.EnterpriseId);
        b.HasIndex(c => c.DuplicateOfId);
        b.HasOne(c => c.Enterprise).WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(c => c.Township).WithMany().HasForeignKey(c => c.TownshipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.DuplicateOf).WithMany().HasForeignKey(c => c.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Inspections.InspectionTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.SetNull);
    }
}
