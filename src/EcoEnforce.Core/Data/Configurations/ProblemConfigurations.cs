using EcoEnforce.Inspections;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoEnforce.Data.Configurations;

public sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> b)
    {
        b.Property(p => p.Description).HasMaxLength(ProblemRules.DescriptionMaxLength);
        b.Property(p => p.CategoryOther).HasMaxLength(ProblemRules.OtherMaxLength);
        b.Property(p => p.SourceOther).HasMaxLength(ProblemRules.OtherMaxLength);
        b.Property(p => p.CreatedBy).HasMaxLength(100);
        // Compared on every update, so of two concurrent changes the second fails instead of silently winning.
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Enterprise).WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Campaign).WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InspectionTask>().WithMany().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Measures).WithOne().HasForeignKey(m => m.ProblemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Events).WithOne().HasForeignKey(e => e.ProblemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.EnterpriseId, p.FoundOn });
        b.HasIndex(p => new { p.CampaignId, p.FoundOn });
        b.HasIndex(p => new { p.UnitId, p.FoundOn });
        b.HasIndex(p => new { p.Status, p.RectificationDeadline });
        // The ledger's page order: a page of a year is read from the index instead of sorting the year.
        b.HasIndex(p => new { p.FoundOn, p.Id });
    }
}

public sealed class ProblemMeasureConfiguration : IEntityTypeConfiguration<ProblemMeasure>
{
    public void Configure(EntityTypeBuilder<ProblemMeasure> b)
    {
        b.Property(m => m.DecisionNumber).HasMaxLength(100);
        b.Property(m => m.FineWan).HasPrecision(18, 4);
        b.Property(m => m.Note).HasMaxLength(ProblemRules.NoteMaxLength);
        b.Property(m => m.RecordedBy).HasMaxLength(100);
        b.HasIndex(m => new { m.ProblemId, m.Kind });
    }
}

public sealed class ProblemEventConfiguration : IEntityTypeConfiguration<ProblemEvent>
{
    public void Configure(EntityTypeBuilder<ProblemEvent> b)
    {
        b.Property(e => e.Actor).HasMaxLength(100);
        b.Property(e => e.Text).HasMaxLength(ProblemRules.NoteMaxLength + 200);
        b.HasOne<InspectionTask>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.ProblemId);
    }
}

public sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.HasOne(e => e.Enterprise).WithMany().HasForeignKey(e => e.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Note).HasMaxLength(500);
        b.Property(e => e.RecordedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.EnterpriseId, e.TakenOn });
    }
}
