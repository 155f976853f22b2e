using System.Linq.Expressions;
using JobQuality.Web.Exemplars;
using JobQuality.Web.Research;
using JobQuality.Web.Toolkit;
using JobQuality.Web.Webinars;

namespace JobQuality.Web.Content;

/// <summary>An item as it appears in any list: listings, the home page, topics.</summary>
public sealed class ContentCard
{
    public int Id { get; init; }

    public required ContentKind Kind { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public bool IsExample { get; init; }

    public DateTime? PublishAt { get; init; }

    /// <summary>
    /// Its dimensions, in their order. Lists read once per change take them with the card; a listing
    /// page takes them from the listing's copy (<see cref="Shared.ListedItem.DimensionLinks"/>); search
    /// results, which do not show them, have none.
    /// </summary>
    public IReadOnlyList<TermLink> Dimensions { get; internal set; } = [];

    public string? Organization { get; init; }

    public string? Location { get; init; }

    public ResourceType? ResourceType { get; init; }

    public ResearchType? ResearchType { get; init; }

    public DateOnly? PublicationDate { get; init; }

    public DateTime? StartsUtc { get; init; }

    public string? TimeZone { get; init; }

    public string Path => Kind.PathFor(Slug);

    /// <summary>The projection for a query over one kind (or all of them).</summary>
    public static Expression<Func<T, ContentCard>> ProjectionFor<T>()
        where T : ContentItem => ProjectionCache<T>.Projection;

    /// <summary>
    /// The card without its dimensions, which would take a second query, or a join SQLite builds for
    /// every item before picking the page's rows.
    /// </summary>
    internal static readonly Expression<Func<ContentItem, ContentCard>> WithoutDimensions = c => new ContentCard
    {
        Id = c.Id,
        Kind = c.Kind,
        Slug = c.Slug,
        Title = c.Title,
        Summary = c.Summary,
        IsExample = c.IsExample,
        PublishAt = c.PublishAt,
        Organization = c is Exemplar ? ((Exemplar)c).Organization : null,
        Location = c is Exemplar ? ((Exemplar)c).Location : null,
        ResourceType = c is ToolkitResource ? ((ToolkitResource)c).Type : null,
        ResearchType = c is ResearchPublication ? ((ResearchPublication)c).Type : null,
        PublicationDate = c is ResearchPublication ? ((ResearchPublication)c).PublicationDate : null,
        StartsUtc = c is Webinar ? ((Webinar)c).StartsUtc : null,
        TimeZone = c is Webinar ? ((Webinar)c).TimeZone : null,
    };

    /// <summary>One projection for every list, so a card costs one query whatever its kind (declared after
    /// <see cref="WithoutDimensions"/>, which it is made from when the class is initialised).</summary>
    internal static readonly Expression<Func<ContentItem, ContentCard>> BaseProjection = WithDimensions(
        c => c.Dimensions.OrderBy(d => d.Position).Select(d => new TermLink(d.Slug, d.Name)).ToList());

    /// <summary><see cref="WithoutDimensions"/> with <paramref name="dimensions"/> bound to <see cref="Dimensions"/>.</summary>
    private static Expression<Func<ContentItem, ContentCard>> WithDimensions(Expression<Func<ContentItem, List<TermLink>>> dimensions)
    {
        var card = WithoutDimensions.Parameters[0];
        var body = (MemberInitExpression)WithoutDimensions.Body;
        var value = new ReplaceParameter(dimensions.Parameters[0], card).Visit(dimensions.Body);
        var bound = Expression.Bind(typeof(ContentCard).GetProperty(nameof(Dimensions))!, value);
        return Expression.Lambda<Func<ContentItem, ContentCard>>(body.Update(body.NewExpression, [.. body.Bindings, bound]), card);
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>
/// The projection rewritten for a query over one kind: its parameter takes the query's own type, and
/// each kind test is settled in advance. A query over toolkit resources cannot cast its rows to
/// exemplars, and EF Core would answer such a cast by reading whole rows, bodies and all, to test
/// them in memory; settled, the branches of other kinds are simply null.
/// </summary>
file static class ProjectionCache<T>
    where T : ContentItem
{
    public static readonly Expression<Func<T, ContentCard>> Projection = Rebase();

    private static Expression<Func<T, ContentCard>> Rebase()
    {
        var source = ContentCard.BaseProjection;
        var parameter = Expression.Parameter(typeof(T), "c");
        var body = new ForOneKind(source.Parameters[0], parameter).Visit(source.Body);
        return Expression.Lambda<Func<T, ContentCard>>(body, parameter);
    }

    private sealed class ForOneKind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node != from ? node : typeof(T) == typeof(ContentItem) ? to : Expression.Convert(to, typeof(ContentItem));

        protected override Expression VisitConditional(ConditionalExpression node)
        {
            if (typeof(T) == typeof(ContentItem) || node.Test is not TypeBinaryExpression { NodeType: ExpressionType.TypeIs } test || test.Expression != from)
            {
                return base.VisitConditional(node);
            }

            return test.TypeOperand.IsAssignableFrom(typeof(T)) ? Visit(node.IfTrue) : Visit(node.IfFalse);
        }
    }
}

/// <summary>A taxonomy term as a link: its slug and its name.</summary>
public sealed record TermLink(string Slug, string Name);
