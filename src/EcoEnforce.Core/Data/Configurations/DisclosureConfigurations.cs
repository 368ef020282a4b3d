using EcoEnforce.Disclosure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoEnforce.Data.Configurations;

public sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.Property(p => p.ItemKey).HasMaxLength(40);
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.PublicNote).HasMaxLength(1000);
        b.Property(p => p.CreatedBy).HasMaxLength(100);
        b.Property(p => p.ReviewedBy).HasMaxLength(100);
        b.Property(p => p.ReviewComment).HasMaxLength(1000);
        b.Property(p => p.Status).IsConcurrencyToken();
        b.HasIndex(p => new { p.ItemKey, p.Revision }).IsUnique();
        b.HasIndex(p => new { p.Status, p.Kind, p.Year });
        // The public lists' order, newest first: a page is read from the index, not by sorting every publication.
        b.HasIndex(p => new { p.Kind, p.PublishedAtUtc, p.Id });
        b.Property(p => p.ProblemsFound);
    }
}
