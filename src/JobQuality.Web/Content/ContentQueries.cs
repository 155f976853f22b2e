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

    public static IQueryable<T> Newest<T>(this IQueryable<T> items)
        where T : ContentItem =>
        items.OrderByDescending(c => c.PublishAt).ThenBy(c => c.Title);

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

    /// <summary>The items whose keys are in <paramref name="ids"/>.</summary>
    /// <remarks>
    /// The keys go to the database as one array parameter (SQLite's json_each, SQL Server's
    /// OPENJSON), so the command is the same for every page and its SQL is built once. Expanded into
    /// one parameter a key, the default, EF Core built the SQL anew for each page of results.
    /// </remarks>
    public static IQueryable<T> WithIds<T>(this IQueryable<T> items, List<int> ids)
        where T : ContentItem =>
        items.Where(c => EF.Parameter(ids).Contains(c.Id));

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
