using EcoEnforce.Draws;
using EcoEnforce.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoEnforce.Data.Configurations;

public sealed class DrawRuleSetConfiguration : IEntityTypeConfiguration<DrawRuleSet>
{
    public void Configure(EntityTypeBuilder<DrawRuleSet> b)
    {
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Description).HasMaxLength(1000);
        b.HasIndex(r => r.Name).IsUnique();
        b.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.Spec);
    }
}

public sealed class DrawConfiguration : IEntityTypeConfiguration<Draw>
{
    public void Configure(EntityTypeBuilder<Draw> b)
    {
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.PeriodLabel).HasMaxLength(50);
        b.Property(d => d.SeedSha256).HasMaxLength(64);
        b.Property(d => d.Seed).HasMaxLength(64);
        b.Property(d => d.PoolSha256).HasMaxLength(64);
        b.Property(d => d.InspectorsSha256).HasMaxLength(64);
        b.Property(d => d.RulesSha256).HasMaxLength(64);
        b.Property(d => d.CommittedBy).HasMaxLength(100);
        b.Property(d => d.ExecutedBy).HasMaxLength(100);
        b.Property(d => d.Reason).HasMaxLength(500);
        b.HasOne(d => d.Campaign).WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DrawRuleSet>().WithMany().HasForeignKey(d => d.RuleSetId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Draw>().WithMany().HasForeignKey(d => d.ReplacesDrawId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.CampaignId, d.CommittedAtUtc });
    }
}

public sealed class InspectionTaskConfiguration : IEntityTypeConfiguration<InspectionTask>
{
    public void Configure(EntityTypeBuilder<InspectionTask> b)
    {
        b.HasOne(t => t.Enterprise).WithMany().HasForeignKey(t => t.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Unit).WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.EnterpriseId, t.WindowStart });
        b.HasIndex(t => new { t.Status, t.WindowStart });
        b.Property(t => t.SourceNote).HasMaxLength(200);
        b.Property(t => t.CancelReason).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasMany(t => t.Campaigns).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Inspectors).WithOne().HasForeignKey(i => i.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TaskCampaignConfiguration : IEntityTypeConfiguration<TaskCampaign>
{
    public void Configure(EntityTypeBuilder<TaskCampaign> b)
    {
        b.HasOne(c => c.Campaign).WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Draw>().WithMany().HasForeignKey(c => c.DrawId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.TaskId, c.CampaignId }).IsUnique();
    }
}

public sealed class TaskInspectorConfiguration : IEntityTypeConfiguration<TaskInspector>
{
    public void Configure(EntityTypeBuilder<TaskInspector> b)
    {
        b.HasOne(i => i.Inspector).WithMany().HasForeignKey(i => i.InspectorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Draw>().WithMany().HasForeignKey(i => i.DrawId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.TaskId, i.InspectorId }).IsUnique();
    }
}

public sealed class InspectionRecordConfiguration : IEntityTypeConfiguration<InspectionRecord>
{
    public void Configure(EntityTypeBuilder<InspectionRecord> b)
    {
        b.HasOne(r => r.Task).WithOne().HasForeignKey<InspectionRecord>(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.TaskId).IsUnique();
        b.Property(r => r.EntityRepresentative).HasMaxLength(100);
        b.Property(r => r.Findings).HasMaxLength(10_000);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
        b.HasMany(r => r.Present).WithOne().HasForeignKey(p => p.RecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RecordInspectorConfiguration : IEntityTypeConfiguration<RecordInspector>
{
    public void Configure(EntityTypeBuilder<RecordInspector> b)
    {
        b.HasOne(p => p.Inspector).WithMany().HasForeignKey(p => p.InspectorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.CertificateNumber).HasMaxLength(32);
        b.HasIndex(p => new { p.RecordId, p.InspectorId }).IsUnique();
    }
}

public sealed class ChecklistAnswerConfiguration : IEntityTypeConfiguration<ChecklistAnswer>
{
    public void Configure(EntityTypeBuilder<ChecklistAnswer> b)
    {
        b.HasOne(a => a.CheckItem).WithMany().HasForeignKey(a => a.CheckItemId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Note).HasMaxLength(1000);
        b.HasIndex(a => new { a.RecordId, a.CheckItemId }).IsUnique();
    }
}
