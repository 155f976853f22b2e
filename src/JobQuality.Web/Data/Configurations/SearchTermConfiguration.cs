using JobQuality.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobQuality.Web.Data.Configurations;

/// <summary>The search index: looked up by term (equality or a prefix range), so the term leads the key.</summary>
public sealed class SearchTermConfiguration : IEntityTypeConfiguration<SearchTerm>
{
    public void Configure(EntityTypeBuilder<SearchTerm> builder)
    {
        builder.ToTable("SearchTerms");
        builder.HasKey(t => new { t.Term, t.ContentItemId });
        builder.Property(t => t.Term).HasMaxLength(SearchTerm.MaxLength);
        builder.HasIndex(t => t.ContentItemId);
        builder.HasOne(t => t.ContentItem).WithMany().HasForeignKey(t => t.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
