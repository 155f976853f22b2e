using JobQuality.Web.Content;

namespace JobQuality.Web.Search;

/// <summary>
/// One normalised word of one item, with the weight of the most important field it appears in.
/// Derived from the item when it is saved; <see cref="SearchIndex.RebuildAsync"/> recreates it all.
/// </summary>
public sealed class SearchTerm
{
    public const int MaxLength = 64;

    public int ContentItemId { get; set; }

    public ContentItem? ContentItem { get; set; }

    public required string Term { get; set; }

    /// <summary>The field the word is found in: <see cref="SearchWeights.Title"/>, summary or body.</summary>
    public int Weight { get; set; }
}

/// <summary>How much a match counts, by the field it is in: a title match ranks above any summary match, and so on.</summary>
public static class SearchWeights
{
    public const int Title = 100;
    public const int Summary = 10;
    public const int Body = 1;
}
