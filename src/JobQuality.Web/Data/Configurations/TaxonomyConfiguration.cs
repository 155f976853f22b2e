using JobQuality.Web.Content;
using JobQuality.Web.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobQuality.Web.Data.Configurations;

public sealed class DimensionConfiguration : IEntityTypeConfiguration<Dimension>
{
    public void Configure(EntityTypeBuilder<Dimension> builder)
    {
        TaxonomyTermConfiguration.Configure(builder, "Dimensions");
        builder.HasData(Taxonomy.Dimensions);
    }
}

public sealed class FieldOfPracticeConfiguration : IEntityTypeConfiguration<FieldOfPractice>
{
    public void Configure(EntityTypeBuilder<FieldOfPractice> builder)
    {
        TaxonomyTermConfiguration.Configure(builder, "FieldsOfPractice");
        builder.HasData(Taxonomy.FieldsOfPractice);
    }
}

internal static class TaxonomyTermConfiguration
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table)
        where T : TaxonomyTerm
    {
        builder.ToTable(table);
        builder.HasKey(t => t.Slug);
        builder.Property(t => t.Slug).HasMaxLength(ContentRules.SlugMaxLength);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Description).HasMaxLength(400);
    }
}
