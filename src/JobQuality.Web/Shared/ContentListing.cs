using JobQuality.Web.Content;
using Microsoft.AspNetCore.WebUtilities;

namespace JobQuality.Web.Shared;

/// <summary>A filterable, paginated list of one kind: exemplars, toolkit or research.</summary>
public sealed class ContentListing : IDescribedPage
{
    public required ContentKind Kind { get; init; }

    public required string Introduction { get; init; }

    public required Paged<ContentCard> Results { get; init; }

    public IReadOnlyList<FilterChoice> Filters { get; init; } = [];

    /// <summary>What a visitor should know about the filters they asked for, such as a value that matches nothing.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    public string Path => "/" + Kind.Segment();

    public PageMetadata Metadata => PageMetadata.Listing(Kind.PluralName(), Introduction, Path);

    public bool IsFiltered => Filters.Any(f => f.Selected is not null);

    /// <summary>The address of another page with the same filters.</summary>
    public string PageLink(int page)
    {
        var query = Filters.Where(f => f.Selected is not null)
            .Select(f => new KeyValuePair<string, string?>(f.Name, f.Selected))
            .ToList();
        if (page > 1)
        {
            query.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString(Path, query);
    }
}

/// <summary>One filter of a listing: a select box with its choices.</summary>
public sealed record FilterChoice(string Name, string Label, string? Selected, IReadOnlyList<FilterOption> Options)
{
    public static FilterChoice Create(string name, string label, string? selected, IEnumerable<FilterOption> options) =>
        new(name, label, string.IsNullOrWhiteSpace(selected) ? null : selected.Trim(), options.ToList());

    /// <summary>True when a value was asked for that none of the choices has.</summary>
    public bool IsUnknown => Selected is not null && Options.All(o => o.Value != Selected);
}

/// <summary>A choice of a filter; <see cref="Count"/> is how many items it would show, where the listing counts.</summary>
public sealed record FilterOption(string Value, string Label, int? Count = null)
{
    public string Text => Count is { } n ? $"{Label} ({n})" : Label;
}
