using JobQuality.Web.Caching;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Search;

[OutputCache(PolicyName = PublicPageCache.Policy)]
[Route("search")]
public sealed class SearchController(JobQualityDbContext db, SearchRanking ranking, TimeProvider clock) : Controller
{
    public const int PageSize = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? kind, int? page, CancellationToken cancellationToken)
    {
        var query = (q ?? string.Empty).Trim();
        if (query.Length > SearchText.MaxQueryLength)
        {
            query = query[..SearchText.MaxQueryLength];
        }

        ContentKind? only = ContentKinds.TryParseSegment(kind?.Trim(), out var parsed) ? parsed : null;
        var terms = SearchText.QueryTerms(query);
        if (terms.Count == 0)
        {
            return View(new SearchPage { Query = query, Kind = only, Results = new Paged<SearchResult>([], 1, 1, 0) });
        }

        var now = clock.UtcDateTime();
        using var hits = await ranking.FindAsync(db, terms, now, cancellationToken);
        var counts = hits.CountByKind();
        var total = only is { } k ? counts.GetValueOrDefault(k) : counts.Values.Sum();
        var (current, pageCount) = ContentQueries.PagePosition(total, page, PageSize);

        var ids = hits.Page(only, (current - 1) * PageSize, PageSize);
        // Visibility is asked again: content changed outside this instance reaches its copy of the index a little later.
        var items = db.Content.PublicAt(now).WithIds(ids);
        var cards = await items.ToCardsSplitAsync(cancellationToken);
        var bodies = await items.AsNoTracking()
            .Select(c => new { c.Id, c.Kind, c.Slug, c.BodyHtml })
            .ToListAsync(cancellationToken);

        var results = bodies.OrderBy(b => ids.IndexOf(b.Id))
            .Select(b => (Body: b, Card: cards.SingleOrDefault(c => c.Kind == b.Kind && c.Slug == b.Slug)))
            .Where(x => x.Card is not null)
            .Select(x => SearchResult.For(x.Card!, x.Body.BodyHtml, terms))
            .ToList();
        return View(new SearchPage
        {
            Query = query,
            Kind = only,
            Counts = counts,
            Results = new Paged<SearchResult>(results, current, pageCount, total),
        });
    }
}
