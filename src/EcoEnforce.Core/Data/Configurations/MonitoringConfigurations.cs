using EcoEnforce.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoEnforce.Data.Configurations;

public sealed class MonitoringPointConfiguration : IEntityTypeConfiguration<MonitoringPoint>
{
    public void Configure(EntityTypeBuilder<MonitoringPoint> b)
    {
        b.Property(p => p.Mn).HasMaxLength(32);
        b.HasIndex(p => p.Mn).IsUnique();
        b.Property(p => p.Name).HasMaxLength(100);
        b.HasOne(p => p.Enterprise).WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Limits).WithOne().HasForeignKey(l => l.MonitoringPointId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MonitoringLimitConfiguration : IEntityTypeConfiguration<MonitoringLimit>
{
    public void Configure(EntityTypeBuilder<MonitoringLimit> b)
    {
        b.Property(l => l.PollutantCode).HasMaxLength(16);
        b.Property(l => l.Unit).HasMaxLength(16);
        b.Property(l => l.Basis).HasMaxLength(100);
        b.HasIndex(l => new { l.MonitoringPointId, l.PollutantCode }).IsUnique();
    }
}

public sealed class RawPacketConfiguration : IEntityTypeConfiguration<RawPacket>
{
    public void Configure(EntityTypeBuilder<RawPacket> b)
    {
        b.Property(p => p.Peer).HasMaxLength(64);
        b.Property(p => p.Mn).HasMaxLength(32);
        b.Property(p => p.Cn).HasMaxLength(8);
        b.Property(p => p.Qn).HasMaxLength(24);
        b.Property(p => p.Crc).HasMaxLength(12);
        b.HasIndex(p => new { p.Mn, p.ReceivedAtUtc });
    }
}

public sealed class ReadingConfiguration : IEntityTypeConfiguration<Reading>
{
    public void Configure(EntityTypeBuilder<Reading> b)
    {
        b.Property(r => r.Mn).HasMaxLength(32);
        b.Property(r => r.PollutantCode).HasMaxLength(16);
        b.Property(r => r.Flag).HasMaxLength(4);
        // The natural key is the primary key (a clustered WITHOUT ROWID table on SQLite): one B-tree per reading
        // instead of four. The point and packet ids are plain columns, no declared foreign keys: both are written by
        // the one store in the reading's own transaction, raw packets are never deleted, and a per-row constraint
        // check costs more than the whole insert (ADR-004, 2nd addendum).
        b.HasKey(r => new { r.Mn, r.Kind, r.PollutantCode, r.DataTimeUtc });
    }
}

public sealed class ReadingChunkConfiguration : IEntityTypeConfiguration<Monitoring.Archive.ReadingChunk>
{
    public void Configure(EntityTypeBuilder<Monitoring.Archive.ReadingChunk> b)
    {
        b.Property(c => c.Mn).HasMaxLength(32);
        b.Property(c => c.PollutantCode).HasMaxLength(16);
        b.HasKey(c => new { c.Mn, c.Kind, c.PollutantCode, c.DayStartUtc });
    }
}

public sealed class ComparisonReadingConfiguration : IEntityTypeConfiguration<Monitoring.Comparison.ComparisonReading>
{
    public void Configure(EntityTypeBuilder<Monitoring.Comparison.ComparisonReading> b)
    {
        b.Property(r => r.PollutantCode).HasMaxLength(16);
        b.Property(r => r.ImportedBy).HasMaxLength(256);
        b.HasOne<MonitoringPoint>().WithMany().HasForeignKey(r => r.MonitoringPointId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.MonitoringPointId, r.Kind, r.DataTimeUtc, r.Source, r.PollutantCode }).IsUnique();
    }
}

public sealed class UnknownDeviceConfiguration : IEntityTypeConfiguration<UnknownDevice>
{
    public void Configure(EntityTypeBuilder<UnknownDevice> b)
    {
        b.Property(d => d.Mn).HasMaxLength(32);
        b.HasIndex(d => d.Mn).IsUnique();
        b.Property(d => d.LastPeer).HasMaxLength(64);
    }
}

public sealed class LeadConfiguration : IEntityTypeConfiguration<Monitoring.Leads.Lead>
{
    public void Configure(EntityTypeBuilder<Monitoring.Leads.Lead> b)
    {
        b.Property(l => l.Signature).HasMaxLength(40);
        b.Property(l => l.PollutantCode).HasMaxLength(20);
        b.Property(l => l.Explanation).HasMaxLength(1000);
        b.Property(l => l.DismissReason).HasMaxLength(500);
        b.Property(l => l.DecidedBy).HasMaxLength(100);
        b.Property(l => l.Status).IsConcurrencyToken();
        b.HasOne(l => l.MonitoringPoint).WithMany().HasForeignKey(l => l.MonitoringPointId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Registry.Enterprise>().WithMany().HasForeignKey(l => l.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Inspections.InspectionTask>().WithMany().HasForeignKey(l => l.TaskId).OnDelete(DeleteBehavior.Restrict);
        // A re-scan over the same hours finds the same stretch: one lead, not two.
        b.HasIndex(l => new { l.MonitoringPointId, l.Signature, l.PollutantCode, l.FromUtc }).IsUnique();
        b.HasIndex(l => new { l.Status, l.EnterpriseId });
    }
}
