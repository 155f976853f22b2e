using JobQuality.Web.Content;

namespace JobQuality.Web.Shared;

/// <summary>The filters listings share, built from the taxonomies in the database as a kind's listing copy holds them.</summary>
public static class ListingFilters
{
    public const int PageSize = 12;

    public static DateTime UtcDateTime(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    public static FilterChoice Dimension(ListedKind listed, string? selected) =>
        FilterChoice.Create("dimension", "Dimension of job quality", selected, listed.Dimensions);

    public static FilterChoice Field(ListedKind listed, string name, string label, string? selected) =>
        FilterChoice.Create(name, label, selected, listed.Fields);

    public static FilterChoice Choice<TEnum>(string name, string label, string? selected)
        where TEnum : struct, Enum =>
        FilterChoice.Create(name, label, selected,
            Enum.GetValues<TEnum>().Select(v => new FilterOption(v.ToSlug(), v.ToLabel())));
}
