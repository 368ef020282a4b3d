using EcoEnforce.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoEnforce.Data.Configurations;

public sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> b)
    {
        b.Property(p => p.Name).HasMaxLength(100);
        b.HasIndex(p => new { p.Kind, p.Name }).IsUnique();
        b.HasMany(p => p.ActivePeriods).WithOne().HasForeignKey(a => a.PlaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlaceActivePeriodConfiguration : IEntityTypeConfiguration<PlaceActivePeriod>
{
    public void Configure(EntityTypeBuilder<PlaceActivePeriod> b) => b.Property(a => a.Label).HasMaxLength(50);
}
