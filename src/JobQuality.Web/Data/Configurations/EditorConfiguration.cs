using JobQuality.Web.Audit;
using JobQuality.Web.Editor;
using JobQuality.Web.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobQuality.Web.Data.Configurations;

public sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevision>
{
    public void Configure(EntityTypeBuilder<ContentRevision> builder)
    {
        builder.ToTable("ContentRevisions");
        builder.HasOne(r => r.ContentItem).WithMany().HasForeignKey(r => r.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ContentItemId, r.Number }).IsUnique();
        builder.Property(r => r.Author).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(200);
    }
}

public sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.ToTable("MediaFiles");
        builder.HasIndex(m => m.FileName).IsUnique();
        builder.Property(m => m.FileName).HasMaxLength(100);
        builder.Property(m => m.OriginalName).HasMaxLength(255);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.UploadedBy).HasMaxLength(256);
        builder.Ignore(m => m.Path);
        builder.Ignore(m => m.IsImage);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasIndex(a => a.At);
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.Subject).HasMaxLength(256);
        builder.Property(a => a.Detail).HasMaxLength(1000);
    }
}
