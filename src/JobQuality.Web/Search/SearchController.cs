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

    /// <summary>The bodies of some items, by key; compiled, as the cards are (<see cref="ContentQueries.VisibleCardsAsync"/>).</summary>
    private static readonly Func<JobQualityDbContext, List<int>, IAsyncEnumerable<KeyValuePair<int, string>>> BodiesWithIds =
        EF.CompileAsyncQuery((JobQualityDbContext db, List<int> ids) =>
            db.Content.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new KeyValuePair<int, string>(c.Id, c.BodyHtml)));

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
        var cards = await db.VisibleCardsAsync(now, ids, cancellationToken);

        // A passage comes from the summary where it has a match: only the other answers' bodies are read.
        var withoutMatch = cards.Where(c => !Highlighter.HasMatch(c.Summary, terms)).Select(c => c.Id).ToList();
        var bodies = withoutMatch.Count == 0 ? [] : await BodiesWithIds(db, withoutMatch).ToDictionaryAsync(cancellationToken: cancellationToken);

        var results = cards.Select(c => SearchResult.For(c, bodies.GetValueOrDefault(c.Id), terms)).ToList();
        return View(new SearchPage
        {
            Query = query,
            Kind = only,
            Counts = counts,
            Results = new Paged<SearchResult>(results, current, pageCount, total),
        });
    }
}
