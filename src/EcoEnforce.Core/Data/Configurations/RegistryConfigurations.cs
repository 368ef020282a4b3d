using EcoEnforce.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoEnforce.Data.Configurations;

public sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.CreditCode).HasMaxLength(18);
        b.HasIndex(e => e.CreditCode).IsUnique();
        b.HasIndex(e => e.Name);
        b.Property(e => e.Address).HasMaxLength(300);
        b.Property(e => e.IndustryCode).HasMaxLength(8);
        b.Property(e => e.PermitNumber).HasMaxLength(64);
        b.Property(e => e.RadiationLicenceNumber).HasMaxLength(64);
        b.Property(e => e.ContactName).HasMaxLength(50);
        b.Property(e => e.ContactPhone).HasMaxLength(30);
        b.HasOne(e => e.Township).WithMany().HasForeignKey(e => e.TownshipId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.PositiveListEntries).WithOne().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.SupervisionClass, e.TownshipId });
    }
}

public sealed class PositiveListEntryConfiguration : IEntityTypeConfiguration<PositiveListEntry>
{
    public void Configure(EntityTypeBuilder<PositiveListEntry> b) => b.Property(p => p.Reason).HasMaxLength(500);
}
