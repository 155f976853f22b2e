using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Content;

/// <summary>The queries every kind's pages share.</summary>
public static class ContentQueries
{
    /// <summary>Items a visitor may see at <paramref name="utcNow"/>: scheduled items appear when their time comes.</summary>
    public static IQueryable<T> PublicAt<T>(this IQueryable<T> items, DateTime utcNow)
        where T : ContentItem =>
        items.PublicOrScheduled().Where(c => c.PublishAt <= utcNow);

    /// <summary>Items that are public, or will be when their publishing time comes: not drafts, and given a time.</summary>
    public static IQueryable<T> PublicOrScheduled<T>(this IQueryable<T> items)
        where T : ContentItem =>
        items.Where(c => c.Status != ContentStatus.Draft && c.PublishAt != null);

    public static IQueryable<T> InDimension<T>(this IQueryable<T> items, string? dimension)
        where T : ContentItem =>
        dimension is null ? items : items.Where(c => c.Dimensions.Any(d => d.Slug == dimension));

    /// <summary>
    /// Items of the other kinds that share any of <paramref name="dimensions"/>, most shared first:
    /// a webinar leads to the tools and research on its topic, and the reverse.
    /// </summary>
    public static IQueryable<ContentItem> RelatedTo(
        this IQueryable<ContentItem> items, ContentKind kind, IReadOnlyList<string> dimensions, int count) =>
        items.Where(c => c.Kind != kind)
            .Select(c => new { Item = c, Shared = c.Dimensions.Count(d => dimensions.Contains(d.Slug)) })
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared)
            .ThenByDescending(x => x.Item.PublishAt)
            .ThenBy(x => x.Item.Title)
            .Select(x => x.Item)
            .Take(count);

    /// <summary>Newest first; items published at the same moment by title, then by key, so that the order is always the same.</summary>
    public static IQueryable<T> Newest<T>(this IQueryable<T> items)
        where T : ContentItem =>
        items.OrderByDescending(c => c.PublishAt).ThenBy(c => c.Title).ThenBy(c => c.Id);

    /// <summary>One page of any ordered query; a page number past either end gives the nearest real page.</summary>
    public static async Task<Paged<T>> ToPageAsync<T>(
        this IQueryable<T> rows, int? requestedPage, int pageSize, CancellationToken cancellationToken)
    {
        var total = await rows.CountAsync(cancellationToken);
        var (page, pageCount) = PagePosition(total, requestedPage, pageSize);
        var items = await rows.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Paged<T>(items, page, pageCount, total);
    }

    /// <summary>The page asked for among <paramref name="total"/> rows, brought within the real pages, and how many there are.</summary>
    public static (int Page, int PageCount) PagePosition(int total, int? requestedPage, int pageSize)
    {
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return (Math.Clamp(requestedPage ?? 1, 1, pageCount), pageCount);
    }

    public static Task<List<ContentCard>> ToCardsAsync<T>(this IQueryable<T> items, CancellationToken cancellationToken)
        where T : ContentItem =>
        items.AsNoTracking().Select(ContentCard.ProjectionFor<T>()).ToListAsync(cancellationToken);

    /// <summary>
    /// The cards of the items with keys in <paramref name="ids"/> that a visitor may see at
    /// <paramref name="utcNow"/>, in the order of <paramref name="ids"/>, without their dimensions:
    /// search results do not show them, and listings take them from their copies
    /// (<see cref="ListedCards"/>). Every listing page and search page asks this, so it is compiled
    /// once (<see cref="VisibleCardsWithIds"/>), and it is one query: read with the cards, the
    /// dimensions took a second, which cost more than the first.
    /// </summary>
    /// <remarks>
    /// It asks all content, not one kind's: asked for one kind by id, SQLite chose the listing index
    /// on (Kind, PublishAt, …) and walked every item of the kind to find twelve, where the ids alone
    /// make it look each one up by its key.
    /// </remarks>
    public static async Task<List<ContentCard>> VisibleCardsAsync(
        this JobQualityDbContext db, DateTime utcNow, List<int> ids, CancellationToken cancellationToken)
    {
        var cards = await VisibleCardsWithIds(db, utcNow, ids).ToListAsync(cancellationToken);
        return [.. cards.OrderBy(c => ids.IndexOf(c.Id))];
    }

    /// <summary>
    /// <see cref="PublicAt"/> written out, with the keys and the cards' projection. A
    /// query run as LINQ is taken apart again on every run to find its parameters: the projection's
    /// lambdas are rebuilt and the whole tree hashed to find its SQL. Compiled, a listing page
    /// allocates a seventh less.
    /// </summary>
    private static readonly Func<JobQualityDbContext, DateTime, List<int>, IAsyncEnumerable<ContentCard>> VisibleCardsWithIds =
        EF.CompileAsyncQuery((JobQualityDbContext db, DateTime utcNow, List<int> ids) =>
            db.Content.AsNoTracking()
                .Where(c => c.Status != ContentStatus.Draft && c.PublishAt != null && c.PublishAt <= utcNow)
                .Where(c => ids.Contains(c.Id))
                .OrderBy(c => c.Id)
                .Select(ContentCard.WithoutDimensions));

    /// <summary>
    /// Cards of a long list, or a page of one, with the dimensions in a second query: as one query,
    /// SQLite would build the join of every item's dimensions for each page, which costs more the
    /// more content there is.
    /// </summary>
    public static Task<List<ContentCard>> ToCardsSplitAsync<T>(this IQueryable<T> items, CancellationToken cancellationToken)
        where T : ContentItem =>
        items.AsNoTracking().AsSplitQuery().Select(ContentCard.ProjectionFor<T>()).ToListAsync(cancellationToken);
}

/// <summary>A page of results and where it sits among the others.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageCount, int Total);
