using EcoEnforce.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoEnforce.Data.Configurations;

public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Issuer).HasMaxLength(100);
        b.Property(p => p.NoticeTitle).HasMaxLength(200);
        b.Property(p => p.PublishedBy).HasMaxLength(256);
        b.Property(p => p.ContactName).HasMaxLength(50);
        b.Property(p => p.ContactPhone).HasMaxLength(30);
        b.HasIndex(p => new { p.LineageId, p.Version }).IsUnique();
        b.HasIndex(p => p.Year);
        b.HasMany(p => p.Campaigns).WithOne(c => c.Plan).HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.ShortName).HasMaxLength(50);
        b.Property(c => c.AnnexTitle).HasMaxLength(200);
        b.Property(c => c.AnnexContactName).HasMaxLength(50);
        b.Property(c => c.AnnexContactPhone).HasMaxLength(30);
        b.Property(c => c.AnnexContactEmail).HasMaxLength(100);
        b.Property(c => c.TargetUnitNote).HasMaxLength(200);
        b.HasIndex(c => new { c.PlanId, c.SortOrder }).IsUnique();
        b.HasMany(c => c.Phases).WithOne().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.CheckItems).WithOne().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.ReportingDeadlines).WithOne().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Departments).WithOne().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignPhaseConfiguration : IEntityTypeConfiguration<CampaignPhase>
{
    public void Configure(EntityTypeBuilder<CampaignPhase> b)
    {
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Source).HasMaxLength(16);
    }
}

public sealed class CheckItemConfiguration : IEntityTypeConfiguration<CheckItem>
{
    public void Configure(EntityTypeBuilder<CheckItem> b) => b.Property(i => i.Text).HasMaxLength(1000);
}

public sealed class ReportingDeadlineConfiguration : IEntityTypeConfiguration<ReportingDeadline>
{
    public void Configure(EntityTypeBuilder<ReportingDeadline> b) => b.Property(d => d.Text).HasMaxLength(500);
}

public sealed class CampaignDepartmentConfiguration : IEntityTypeConfiguration<CampaignDepartment>
{
    public void Configure(EntityTypeBuilder<CampaignDepartment> b)
    {
        b.HasKey(d => new { d.CampaignId, d.DepartmentId });
        b.HasOne(d => d.Department).WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
