using EcoEnforce.Evidence;
using EcoEnforce.Inspections;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoEnforce.Data.Configurations;

public sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable("EvidenceFiles", t => t.HasCheckConstraint("CK_EvidenceFiles_OneTarget",
            "(\"TaskId\" IS NULL AND \"ProblemId\" IS NOT NULL) OR (\"TaskId\" IS NOT NULL AND \"ProblemId\" IS NULL)"));
        b.Property(e => e.FileName).HasMaxLength(EvidenceRules.FileNameMaxLength);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(e => e.Caption).HasMaxLength(EvidenceRules.CaptionMaxLength);
        b.Property(e => e.UploadedBy).HasMaxLength(100);
        // Evidence outlives nothing: a task or problem that has evidence is not deleted.
        b.HasOne<InspectionTask>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Problem>().WithMany().HasForeignKey(e => e.ProblemId).OnDelete(DeleteBehavior.Restrict);
        // The same file twice on one task or problem is a mistake; NULLs are distinct, so each index covers its own rows.
        b.HasIndex(e => new { e.TaskId, e.Sha256 }).IsUnique();
        b.HasIndex(e => new { e.ProblemId, e.Sha256 }).IsUnique();
    }
}
