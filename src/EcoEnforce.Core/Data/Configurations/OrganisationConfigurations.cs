using EcoEnforce.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoEnforce.Data.Configurations;

public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.ShortName).HasMaxLength(50);
        b.HasIndex(d => d.Name).IsUnique();
        b.HasOne(d => d.Parent).WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class InspectorConfiguration : IEntityTypeConfiguration<Inspector>
{
    public void Configure(EntityTypeBuilder<Inspector> b)
    {
        b.Property(i => i.Name).HasMaxLength(50);
        b.Property(i => i.CertificateNumber).HasMaxLength(32);
        b.HasIndex(i => i.CertificateNumber).IsUnique();
        b.Property(i => i.Phone).HasMaxLength(30);
        b.Property(i => i.UserId).HasMaxLength(450);
        b.HasOne(i => i.Department).WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class InspectorConflictConfiguration : IEntityTypeConfiguration<InspectorConflict>
{
    public void Configure(EntityTypeBuilder<InspectorConflict> b)
    {
        b.Property(c => c.Reason).HasMaxLength(200);
        b.HasIndex(c => new { c.InspectorId, c.EnterpriseId }).IsUnique();
        b.HasOne(c => c.Inspector).WithMany().HasForeignKey(c => c.InspectorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Enterprise).WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}
