using JobQuality.Web.Content;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace JobQuality.Web.Search;

/// <summary>The search page: what was asked, how many answers of each kind, and one page of them.</summary>
public sealed class SearchPage : IDescribedPage
{
    public required string Query { get; init; }

    public ContentKind? Kind { get; init; }

    public IReadOnlyDictionary<ContentKind, int> Counts { get; init; } = new Dictionary<ContentKind, int>();

    public required Paged<SearchResult> Results { get; init; }

    public int AllCount => Counts.Values.Sum();

    public bool HasQuery => Query.Length > 0;

    public PageMetadata Metadata => new()
    {
        Title = "Search",
        Description = "Search the toolkit, research, exemplars and webinars of the Job Quality Center of Excellence.",
        Path = "/search",
        NoIndex = HasQuery,
    };

    /// <summary>The address of these results, of another kind or another page.</summary>
    public string Link(ContentKind? kind, int page = 1)
    {
        var query = new Dictionary<string, string?> { ["q"] = Query };
        if (kind is { } k)
        {
            query["kind"] = k.Segment();
        }

        if (page > 1)
        {
            query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString("/search", query);
    }

    public string PageLink(int page) => Link(Kind, page);
}

/// <summary>One answer: its card, and its title and a passage with the matching words marked.</summary>
public sealed record SearchResult(ContentCard Card, IReadOnlyList<TextSegment> Title, IReadOnlyList<TextSegment> Snippet)
{
    /// <summary>A result with its title marked and its passage cut where the words are.</summary>
    /// <param name="card">The answer.</param>
    /// <param name="bodyHtml">Its body, given when its summary has no match: the passage is then cut from the body where it has one.</param>
    /// <param name="terms">The words asked for.</param>
    public static SearchResult For(ContentCard card, string? bodyHtml, IReadOnlyList<string> terms)
    {
        var passage = bodyHtml is null ? null : Highlighter.BodyPassage(bodyHtml, terms);
        return new SearchResult(card, Highlighter.Mark(card.Title, terms), passage ?? Highlighter.Snippet(card.Summary, terms));
    }
}
