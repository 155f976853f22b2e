using System.Linq.Expressions;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Search;

/// <summary>How well one item answers a query: how many of its terms it has, and in which fields.</summary>
public sealed class SearchHit
{
    public int ContentItemId { get; init; }

    /// <summary>How many of the query's terms the item contains.</summary>
    public int Matched { get; init; }

    /// <summary>For each term, the weight of the best field it is in, added up.</summary>
    public int Score { get; init; }
}

/// <summary>
/// The search, written once in LINQ that both providers translate to plain SQL: equality and range
/// comparisons on the indexed term, MAX(CASE …) per query term, a join to the published items.
/// </summary>
public static class SearchQuery
{
    /// <summary>Every item with at least one of the terms, scored; not yet filtered for visibility.</summary>
    public static IQueryable<SearchHit> Hits(JobQualityDbContext db, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return db.SearchTerms.Where(_ => false).Select(t => new SearchHit { ContentItemId = t.ContentItemId });
        }

        var matches = terms.Select(MatchOf).ToList();
        var row = Expression.Parameter(typeof(SearchTerm), "t");
        var any = matches.Select(m => Rebind(m, row)).Aggregate(Expression.OrElse);

        var group = Expression.Parameter(typeof(IGrouping<int, SearchTerm>), "g");
        Expression? matched = null;
        Expression? score = null;
        foreach (var match in matches)
        {
            var element = Expression.Parameter(typeof(SearchTerm), "t");
            var condition = Rebind(match, element);
            var one = Max(group, element, Expression.Condition(condition, Expression.Constant(1), Expression.Constant(0)));
            var weight = Max(group, element, Expression.Condition(condition, Expression.Property(element, nameof(SearchTerm.Weight)), Expression.Constant(0)));
            matched = matched is null ? one : Expression.Add(matched, one);
            score = score is null ? weight : Expression.Add(score, weight);
        }

        var hit = Expression.MemberInit(
            Expression.New(typeof(SearchHit)),
            Expression.Bind(typeof(SearchHit).GetProperty(nameof(SearchHit.ContentItemId))!, Expression.Property(group, "Key")),
            Expression.Bind(typeof(SearchHit).GetProperty(nameof(SearchHit.Matched))!, matched!),
            Expression.Bind(typeof(SearchHit).GetProperty(nameof(SearchHit.Score))!, score!));

        return db.SearchTerms
            .Where(Expression.Lambda<Func<SearchTerm, bool>>(any, row))
            .GroupBy(t => t.ContentItemId)
            .Select(Expression.Lambda<Func<IGrouping<int, SearchTerm>, SearchHit>>(hit, group));
    }

    /// <summary>The hits among items a visitor may see, of one kind or all.</summary>
    public static IQueryable<RankedHit> Visible(JobQualityDbContext db, IReadOnlyList<string> terms, DateTime utcNow, ContentKind? kind)
    {
        var items = db.Content.PublicAt(utcNow);
        if (kind is { } only)
        {
            items = items.Where(c => c.Kind == only);
        }

        return Hits(db, terms).Join(items, h => h.ContentItemId, c => c.Id, (h, c) => new RankedHit
        {
            ContentItemId = c.Id,
            Kind = c.Kind,
            Matched = h.Matched,
            Score = h.Score,
            PublishAt = c.PublishAt,
            Title = c.Title,
        });
    }

    /// <summary>Items with every term first, then by where the terms are (title, summary, body), then newest.</summary>
    public static IQueryable<RankedHit> Ranked(this IQueryable<RankedHit> hits) =>
        hits.OrderByDescending(h => h.Matched)
            .ThenByDescending(h => h.Score)
            .ThenByDescending(h => h.PublishAt)
            .ThenBy(h => h.Title)
            .ThenBy(h => h.ContentItemId);

    public static async Task<Dictionary<ContentKind, int>> CountByKindAsync(
        JobQualityDbContext db, IReadOnlyList<string> terms, DateTime utcNow, CancellationToken cancellationToken) =>
        await Visible(db, terms, utcNow, kind: null)
            .GroupBy(h => h.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Kind, x => x.Count, cancellationToken);

    /// <summary>
    /// A short term must be a whole word; a longer one also finds words it begins ("wage" finds
    /// "wages"), as a range on the term that an index answers.
    /// </summary>
    private static Expression<Func<SearchTerm, bool>> MatchOf(string term)
    {
        if (term.Length < SearchText.MinPrefixLength)
        {
            return t => t.Term == term;
        }

        var upper = SearchText.UpperBound(term);
#pragma warning disable CA1309 // Translated to SQL's >= and <, on a column that compares by code point in both providers.
        return t => string.Compare(t.Term, term) >= 0 && string.Compare(t.Term, upper) < 0;
#pragma warning restore CA1309
    }

    private static MethodCallExpression Max(ParameterExpression group, ParameterExpression element, Expression body) =>
        Expression.Call(typeof(Enumerable), nameof(Enumerable.Max), [typeof(SearchTerm)],
            group, Expression.Lambda<Func<SearchTerm, int>>(body, element));

    private static Expression Rebind(Expression<Func<SearchTerm, bool>> match, ParameterExpression parameter) =>
        new ParameterSwap(match.Parameters[0], parameter).Visit(match.Body);

    private sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>A hit joined to its item: enough to rank and to count by kind.</summary>
public sealed class RankedHit
{
    public int ContentItemId { get; init; }

    public ContentKind Kind { get; init; }

    public int Matched { get; init; }

    public int Score { get; init; }

    public DateTime? PublishAt { get; init; }

    public required string Title { get; init; }
}
