using JobQuality.Web.Content;
using JobQuality.Web.Exemplars;
using JobQuality.Web.Research;
using JobQuality.Web.Toolkit;
using JobQuality.Web.Topics;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobQuality.Web.Data.Configurations;

/// <summary>All four kinds share one table, told apart by <see cref="ContentItem.Kind"/>.</summary>
public sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    /// <summary>The join table of items and their dimensions: (ContentItemId, DimensionSlug).</summary>
    public const string DimensionLinks = "ContentItemDimensions";

    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("ContentItems");
        builder.HasDiscriminator(c => c.Kind)
            .HasValue<Exemplar>(ContentKind.Exemplar)
            .HasValue<ToolkitResource>(ContentKind.ToolkitResource)
            .HasValue<ResearchPublication>(ContentKind.Research)
            .HasValue<Webinar>(ContentKind.Webinar);

        builder.Property(c => c.Slug).HasMaxLength(ContentRules.SlugMaxLength);
        builder.Property(c => c.Title).HasMaxLength(ContentRules.TitleMaxLength);
        builder.Property(c => c.Summary).HasMaxLength(ContentRules.SummaryMaxLength);
        builder.Ignore(c => c.Path);

        builder.HasIndex(c => new { c.Kind, c.Slug }).IsUnique();
        builder.HasIndex(c => new { c.Status, c.PublishAt });

        // Listings and their filter counts read one kind's public items, newest first: this index
        // answers them without reading the rows, whose bodies make the table large.
        builder.HasIndex(c => new { c.Kind, c.PublishAt, c.Status, c.Title });
        builder.HasIndex(c => c.UpdatedAt);
        builder.HasIndex(c => c.ReviewBy);
        builder.Property(c => c.ReviewedBy).HasMaxLength(256);

        builder.HasMany(c => c.Dimensions)
            .WithMany()
            .UsingEntity(
                DimensionLinks,
                r => r.HasOne(typeof(Dimension)).WithMany().HasForeignKey("DimensionSlug").OnDelete(DeleteBehavior.Restrict),
                l => l.HasOne(typeof(ContentItem)).WithMany().HasForeignKey("ContentItemId").OnDelete(DeleteBehavior.Cascade),
                j => j.HasKey("ContentItemId", "DimensionSlug"));
    }
}

public sealed class ExemplarConfiguration : IEntityTypeConfiguration<Exemplar>
{
    public void Configure(EntityTypeBuilder<Exemplar> builder)
    {
        builder.Property(e => e.Organization).HasMaxLength(200);
        builder.Property(e => e.Location).HasMaxLength(200);
        builder.Property(e => e.Website).HasMaxLength(ContentRules.UrlMaxLength);
        builder.Property(e => e.FieldSlug).HasMaxLength(ContentRules.SlugMaxLength);
        builder.HasOne(e => e.Field).WithMany().HasForeignKey(e => e.FieldSlug).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.ImageUrl).HasMaxLength(ContentRules.UrlMaxLength);
    }
}

public sealed class ToolkitResourceConfiguration : IEntityTypeConfiguration<ToolkitResource>
{
    /// <summary>The join table of toolkit resources and their audiences: (ToolkitResourceId, FieldSlug).</summary>
    public const string AudienceLinks = "ToolkitResourceAudiences";

    public void Configure(EntityTypeBuilder<ToolkitResource> builder)
    {
        builder.Property(r => r.Type).HasColumnName("ResourceType");
        builder.Property(r => r.Url).HasColumnName("Url").HasMaxLength(ContentRules.UrlMaxLength);
        builder.HasMany(r => r.Audiences)
            .WithMany()
            .UsingEntity(
                AudienceLinks,
                r => r.HasOne(typeof(FieldOfPractice)).WithMany().HasForeignKey("FieldSlug").OnDelete(DeleteBehavior.Restrict),
                l => l.HasOne(typeof(ToolkitResource)).WithMany().HasForeignKey("ToolkitResourceId").OnDelete(DeleteBehavior.Cascade),
                j => j.HasKey("ToolkitResourceId", "FieldSlug"));
    }
}

public sealed class ResearchPublicationConfiguration : IEntityTypeConfiguration<ResearchPublication>
{
    public void Configure(EntityTypeBuilder<ResearchPublication> builder)
    {
        builder.Property(r => r.Type).HasColumnName("ResearchType");
        builder.Property(r => r.Url).HasColumnName("Url").HasMaxLength(ContentRules.UrlMaxLength);
        builder.HasIndex(r => r.PublicationDate);
        builder.Property(r => r.PdfUrl).HasMaxLength(ContentRules.UrlMaxLength);
    }
}

public sealed class WebinarConfiguration : IEntityTypeConfiguration<Webinar>
{
    public void Configure(EntityTypeBuilder<Webinar> builder)
    {
        builder.Property(w => w.TimeZone).HasMaxLength(64);
        builder.Property(w => w.RecordingUrl).HasMaxLength(ContentRules.UrlMaxLength);
        builder.Property(w => w.SlidesUrl).HasMaxLength(ContentRules.UrlMaxLength);
        builder.Property(w => w.TranscriptUrl).HasMaxLength(ContentRules.UrlMaxLength);
        builder.Ignore(w => w.EndsUtc);
        builder.HasIndex(w => w.StartsUtc);

        // Only the seat operations' conditional updates move the counter; saving an edited webinar never does.
        builder.Property(w => w.SeatsTaken).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}
