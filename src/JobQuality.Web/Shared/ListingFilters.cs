using JobQuality.Web.Content;
using JobQuality.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Shared;

/// <summary>The filters listings share, built from the taxonomies in the database.</summary>
public static class ListingFilters
{
    public const int PageSize = 12;

    public static DateTime UtcDateTime(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    public static async Task<FilterChoice> DimensionAsync(JobQualityDbContext db, string? selected, CancellationToken cancellationToken) =>
        FilterChoice.Create("dimension", "Dimension of job quality", selected,
            await db.Dimensions.AsNoTracking().OrderBy(d => d.Position)
                .Select(d => new FilterOption(d.Slug, d.Name)).ToListAsync(cancellationToken));

    public static async Task<FilterChoice> FieldAsync(
        JobQualityDbContext db, string name, string label, string? selected, CancellationToken cancellationToken) =>
        FilterChoice.Create(name, label, selected,
            await db.FieldsOfPractice.AsNoTracking().OrderBy(f => f.Position)
                .Select(f => new FilterOption(f.Slug, f.Name)).ToListAsync(cancellationToken));

    public static FilterChoice Choice<TEnum>(string name, string label, string? selected)
        where TEnum : struct, Enum =>
        FilterChoice.Create(name, label, selected,
            Enum.GetValues<TEnum>().Select(v => new FilterOption(v.ToSlug(), v.ToLabel())));
}
