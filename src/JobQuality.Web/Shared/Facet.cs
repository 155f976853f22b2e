using System.Linq.Expressions;
using JobQuality.Web.Content;
using JobQuality.Web.Topics;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Shared;

/// <summary>
/// One filter of a listing, able to narrow a query and to count, for each of its choices, how many
/// items that choice would give with the other filters as they are (faceted counts).
/// </summary>
public sealed class Facet<T>
    where T : ContentItem
{
    public required FilterChoice Choice { get; init; }

    /// <summary>Narrows the items to the selected choice; leaves them be when nothing is selected.</summary>
    public required Func<IQueryable<T>, IQueryable<T>> Apply { get; init; }

    /// <summary>Items per choice value; null for a filter that shows no counts.</summary>
    public Func<IQueryable<T>, CancellationToken, Task<Dictionary<string, int>>>? CountAsync { get; init; }
}

/// <summary>Facets for the shapes of filter the listings have, and the one way they are applied.</summary>
public static class Facets
{
    /// <summary>A taxonomy the item holds several terms of: dimensions, audiences.</summary>
    public static Facet<T> Terms<T, TTerm>(FilterChoice choice, Expression<Func<T, IEnumerable<TTerm>>> terms)
        where T : ContentItem
        where TTerm : TaxonomyTerm => new()
    {
        Choice = choice,
        Apply = items => choice.Selected is not { } slug ? items : items.Where(HasTerm(terms, slug)),
        CountAsync = (items, ct) => items.SelectMany(terms).GroupBy(t => t.Slug)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct),
    };

    /// <summary>A value the item has one of, named by a slug in the address: a type of resource, a profile.</summary>
    public static Facet<T> Choice<T, TEnum>(FilterChoice choice, Expression<Func<T, TEnum>> value)
        where T : ContentItem
        where TEnum : struct, Enum => new()
    {
        Choice = choice,
        Apply = items => items.WhereChoice<T, TEnum>(choice, selected => Equal(value, selected)),
        CountAsync = async (items, ct) => (await items.GroupBy(value)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => x.Key.ToSlug(), x => x.Count),
    };

    /// <summary>A term the item has at most one of, kept by its slug: an exemplar's field.</summary>
    public static Facet<T> Slug<T>(FilterChoice choice, Expression<Func<T, string?>> slug)
        where T : ContentItem => new()
    {
        Choice = choice,
        Apply = items => choice.Selected is not { } selected ? items : items.Where(Equal(slug, selected)),
        CountAsync = async (items, ct) => (await items.GroupBy(slug).Where(g => g.Key != null)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => x.Key!, x => x.Count),
    };

    /// <summary>
    /// Applies every facet and counts each one's choices against the others: a count says how many
    /// items picking that choice would show, given everything else the visitor chose.
    /// </summary>
    public static async Task<(IQueryable<T> Items, IReadOnlyList<FilterChoice> Filters)> ApplyAsync<T>(
        this IQueryable<T> items, IReadOnlyList<Facet<T>> facets, CancellationToken cancellationToken)
        where T : ContentItem
    {
        var filters = new List<FilterChoice>(facets.Count);
        foreach (var facet in facets)
        {
            if (facet.CountAsync is null)
            {
                filters.Add(facet.Choice);
                continue;
            }

            var others = facets.Where(f => f != facet).Aggregate(items, (query, f) => f.Apply(query));
            var counts = await facet.CountAsync(others, cancellationToken);
            filters.Add(facet.Choice with
            {
                Options = facet.Choice.Options.Select(o => o with { Count = counts.GetValueOrDefault(o.Value) }).ToList(),
            });
        }

        return (facets.Aggregate(items, (query, f) => f.Apply(query)), filters);
    }

    private static Expression<Func<T, bool>> HasTerm<T, TTerm>(Expression<Func<T, IEnumerable<TTerm>>> terms, string slug)
        where TTerm : TaxonomyTerm
    {
        Expression<Func<TTerm, bool>> isSlug = t => t.Slug == slug;
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(TTerm)], terms.Body, isSlug);
        return Expression.Lambda<Func<T, bool>>(any, terms.Parameters);
    }

    private static Expression<Func<T, bool>> Equal<T, TValue>(Expression<Func<T, TValue>> value, TValue wanted)
    {
        var holder = new { Value = wanted };
        Expression<Func<TValue>> parameter = () => holder.Value;
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(value.Body, parameter.Body), value.Parameters);
    }
}
