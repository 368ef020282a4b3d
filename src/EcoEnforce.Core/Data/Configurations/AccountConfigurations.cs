using EcoEnforce.Accounts;
using EcoEnforce.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoEnforce.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b) => b.Property(u => u.DisplayName).HasMaxLength(50);
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Actor).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(16);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityKey).HasMaxLength(200);
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.EntityType, a.EntityKey });
        // Unique: two appends that raced past the chain lock could not both commit.
        b.HasIndex(a => a.Sequence).IsUnique();
        b.Property(a => a.PrevHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
    }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<Common.Scheduling.JobLease>
{
    public void Configure(EntityTypeBuilder<Common.Scheduling.JobLease> b)
    {
        b.HasKey(j => j.Name);
        b.Property(j => j.Name).HasMaxLength(50);
        b.Property(j => j.Holder).HasMaxLength(200);
        b.HasData(Common.Scheduling.JobLeases.Jobs.Select(name => new Common.Scheduling.JobLease { Name = name, LeasedUntilUtc = DateTime.UnixEpoch }));
    }
}
