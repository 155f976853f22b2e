using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using JobQuality.Web.Caching;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using JobQuality.Web.Exemplars;
using JobQuality.Web.Research;
using JobQuality.Web.Toolkit;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Shared;

/// <summary>
/// What the listings filter, count and order by, for every item of each kind that is public or
/// scheduled, held in memory. Counting a listing's filters in SQL walks every item of the kind
/// and its links once per filter, which at thousands of items costs tens of milliseconds a page;
/// from this copy it is one walk over a list, and only the page's own cards are read from the
/// database. A kind's copy is read on the first listing of it after content changes and forgotten
/// with the cached pages (<see cref="ContentChanges"/>).
/// </summary>
public sealed class ListedContent : IDisposable
{
    private readonly Dictionary<ContentKind, MemoryCopy<ListedKind>> _copies =
        ContentKinds.All.ToDictionary(kind => kind, _ => new MemoryCopy<ListedKind>());

    /// <summary>The items of <paramref name="kind"/> in the listing's order, as they stand since content last changed.</summary>
    public ValueTask<ListedKind> OfAsync(JobQualityDbContext db, ContentKind kind, CancellationToken cancellationToken) =>
        _copies[kind].GetAsync(ct => ListedKind.ReadAsync(db, kind, ct), cancellationToken);

    /// <summary>Drops every kind's copy: the next listing reads its kind again.</summary>
    public void Forget()
    {
        foreach (var copy in _copies.Values)
        {
            copy.Forget();
        }
    }

    public void Dispose()
    {
        foreach (var copy in _copies.Values)
        {
            copy.Dispose();
        }
    }
}

/// <summary>An item as listings see it: what it is filtered by, and what it is ordered by.</summary>
public sealed class ListedItem
{
    public required int Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required DateTime PublishAt { get; init; }

    /// <summary>The date its listing orders by: a webinar's start, a publication's date; else when it was published.</summary>
    public DateTime? Date { get; init; }

    public IReadOnlyList<string> Dimensions { get; init; } = [];

    /// <summary>The fields of practice it is for (a resource's audiences, an exemplar's field).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Its type of resource, type of publication, or kind of profile, as a slug.</summary>
    public IReadOnlyList<string> Type { get; init; } = [];

    /// <summary>The year of a publication.</summary>
    public IReadOnlyList<string> Year { get; init; } = [];
}

/// <summary>Every public or scheduled item of one kind, in the order its listing shows them.</summary>
public sealed class ListedKind
{
    private readonly List<ListedItem> _items;

    /// <summary>
    /// Every value an item of the kind has (the slug of a dimension, a field, a type; a year), as the
    /// one string the items share: a filter compares references and counts by them.
    /// </summary>
    private readonly Dictionary<string, string> _values;

    private ListedKind(List<ListedItem> items, Dictionary<string, string> values, IReadOnlyList<FilterOption> dimensions, IReadOnlyList<FilterOption> fields)
    {
        _items = items;
        _values = values;
        Dimensions = dimensions;
        Fields = fields;
    }

    /// <summary>The dimensions of job quality, in their order: the choices of a listing's dimension filter.</summary>
    public IReadOnlyList<FilterOption> Dimensions { get; }

    /// <summary>The fields of practice, in their order, for the kinds whose listing filters by field.</summary>
    public IReadOnlyList<FilterOption> Fields { get; }

    /// <summary>The items a visitor may see at <paramref name="utcNow"/>, in order.</summary>
    public IEnumerable<ListedItem> VisibleAt(DateTime utcNow) => _items.Where(i => i.PublishAt <= utcNow);

    /// <summary>
    /// The items visible at <paramref name="utcNow"/> that every facet lets through, in order, and
    /// each facet's choices counted against the others: a count says how many items picking that
    /// choice would show, given everything else the visitor chose.
    /// </summary>
    /// <remarks>
    /// A listing never asked before spends most of its time here, walking every item of its kind:
    /// only the facets with a choice made are asked whether they let an item through, values are
    /// compared and counted as the strings the items share, and the positions of the items let
    /// through are kept in a pooled buffer, so that the list returned is made once, at its size.
    /// A value asked for that no item has matches nothing.
    /// </remarks>
    public (IReadOnlyList<ListedItem> Items, IReadOnlyList<FilterChoice> Filters) Filter(DateTime utcNow, IReadOnlyList<Facet> facets)
    {
        var counts = new Dictionary<string, int>[facets.Count];
        var wanted = new string?[facets.Count];
        Span<int> choosing = stackalloc int[facets.Count];
        var chosen = 0;
        for (var f = 0; f < facets.Count; f++)
        {
            counts[f] = new Dictionary<string, int>(facets[f].Choice.Options.Count, ReferenceEqualityComparer.Instance);
            if (facets[f].Choice.Selected is { } selected)
            {
                wanted[f] = _values.GetValueOrDefault(selected);
                choosing[chosen++] = f;
            }
        }

        choosing = choosing[..chosen];
        var items = CollectionsMarshal.AsSpan(_items);
        var matched = ArrayPool<int>.Shared.Rent(items.Length);
        try
        {
            var matches = 0;
            for (var i = 0; i < items.Length; i++)
            {
                var item = items[i];
                if (item.PublishAt > utcNow)
                {
                    continue;
                }

                var missed = -1;
                var misses = 0;
                foreach (var f in choosing)
                {
                    if (!Has(facets[f].Values(item), wanted[f]))
                    {
                        missed = f;
                        if (++misses == 2)
                        {
                            break;
                        }
                    }
                }

                if (misses == 0)
                {
                    matched[matches++] = i;
                    for (var f = 0; f < facets.Count; f++)
                    {
                        Count(counts[f], facets[f].Values(item));
                    }
                }
                else if (misses == 1)
                {
                    // Left out by this facet alone: picking one of its own values would show it.
                    Count(counts[missed], facets[missed].Values(item));
                }
            }

            var found = new ListedItem[matches];
            for (var m = 0; m < matches; m++)
            {
                found[m] = items[matched[m]];
            }

            var filters = new FilterChoice[facets.Count];
            for (var f = 0; f < facets.Count; f++)
            {
                var choice = facets[f].Choice;
                var tally = counts[f];
                filters[f] = choice with
                {
                    Options = choice.Options.Select(o => o with { Count = _values.TryGetValue(o.Value, out var value) ? tally.GetValueOrDefault(value) : 0 }).ToList(),
                };
            }

            return (found, filters);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(matched);
        }
    }

    /// <summary>Whether <paramref name="values"/> holds <paramref name="wanted"/>, the string the items share (null: a value no item has).</summary>
    private static bool Has(IReadOnlyList<string> values, string? wanted)
    {
        // By index: a listing asks this of every item of its kind, and an enumerator would be garbage each time.
        for (var i = 0; i < values.Count; i++)
        {
            if (ReferenceEquals(values[i], wanted))
            {
                return true;
            }
        }

        return false;
    }

    private static void Count(Dictionary<string, int> counts, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, values[i], out _)++;
        }
    }

    internal static async Task<ListedKind> ReadAsync(JobQualityDbContext db, ContentKind kind, CancellationToken cancellationToken)
    {
        // One projection for every kind, as for cards: each kind's own columns are null for the others.
        var ofKind = db.Content.AsNoTracking().Where(c => c.Kind == kind).PublicOrScheduled();
        var rows = await ofKind
            .Select(c => new
            {
                c.Id,
                c.Slug,
                c.Title,
                PublishAt = c.PublishAt!.Value,
                ResourceType = c is ToolkitResource ? (ResourceType?)((ToolkitResource)c).Type : null,
                Profile = c is Exemplar ? (ExemplarProfile?)((Exemplar)c).Profile : null,
                Field = c is Exemplar ? ((Exemplar)c).FieldSlug : null,
                ResearchType = c is ResearchPublication ? (ResearchType?)((ResearchPublication)c).Type : null,
                Published = c is ResearchPublication ? ((ResearchPublication)c).PublicationDate : null,
                StartsUtc = c is Webinar ? (DateTime?)((Webinar)c).StartsUtc : null,
            })
            .ToListAsync(cancellationToken);

        // Each value once: the items share its string (and a one-value list of it), which a filter compares by reference.
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var alone = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string Interned(string value)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(values, value, out _);
            return slot ??= value;
        }

        string[] Only(string? value)
        {
            if (value is null)
            {
                return [];
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(alone, value, out _);
            return slot ??= [Interned(value)];
        }

        var dimensions = Links(await ofKind
            .SelectMany(c => c.Dimensions, (c, d) => new Link(c.Id, d.Slug))
            .ToListAsync(cancellationToken), Interned);
        var audiences = kind != ContentKind.ToolkitResource ? [] : Links(await db.ToolkitResources.AsNoTracking().PublicOrScheduled()
            .SelectMany(r => r.Audiences, (r, a) => new Link(r.Id, a.Slug))
            .ToListAsync(cancellationToken), Interned);

        var items = rows.Select(row => new ListedItem
        {
            Id = row.Id,
            Slug = row.Slug,
            Title = row.Title,
            PublishAt = row.PublishAt,
            Date = kind switch
            {
                ContentKind.ToolkitResource => row.PublishAt,
                ContentKind.Research => row.Published?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                ContentKind.Webinar => row.StartsUtc,
                _ => null,
            },
            Dimensions = dimensions.GetValueOrDefault(row.Id, []),
            Fields = row.Field is { } field ? Only(field) : audiences.GetValueOrDefault(row.Id, []),
            Type = Only(row.ResourceType?.ToSlug() ?? row.ResearchType?.ToSlug() ?? row.Profile?.ToSlug()),
            Year = Only(row.Published?.Year.ToString(CultureInfo.InvariantCulture)),
        }).ToList();
        items.Sort(kind == ContentKind.Exemplar ? ByTitle : NewestFirst);

        // The taxonomies change only with a migration; read with the items, they cost a listing page nothing.
        var dimensionChoices = await db.Dimensions.AsNoTracking().OrderBy(d => d.Position)
            .Select(d => new FilterOption(d.Slug, d.Name, null)).ToListAsync(cancellationToken);
        var fieldChoices = kind is not (ContentKind.ToolkitResource or ContentKind.Exemplar) ? [] : await db.FieldsOfPractice.AsNoTracking()
            .OrderBy(f => f.Position).Select(f => new FilterOption(f.Slug, f.Name, null)).ToListAsync(cancellationToken);
        return new ListedKind(items, values, dimensionChoices, fieldChoices);
    }

    /// <summary>Newest first (an item without a date last), then by title.</summary>
    private static int NewestFirst(ListedItem a, ListedItem b)
    {
        var order = Nullable.Compare(b.Date, a.Date);
        return order != 0 ? order : ByTitle(a, b);
    }

    private static int ByTitle(ListedItem a, ListedItem b)
    {
        var order = string.CompareOrdinal(a.Title, b.Title);
        return order != 0 ? order : a.Id.CompareTo(b.Id);
    }

    private static Dictionary<int, string[]> Links(List<Link> links, Func<string, string> interned) =>
        links.GroupBy(l => l.Item).ToDictionary(g => g.Key, g => g.Select(l => interned(l.Slug)).ToArray());

    private sealed record Link(int Item, string Slug);
}

/// <summary>The cards of listed items, from the database, in the listing's order.</summary>
public static class ListedCards
{
    /// <summary>
    /// One page of <paramref name="listed"/>, as cards; a page number past either end gives the
    /// nearest real page. <paramref name="items"/> asks for visibility again: a change made outside
    /// this instance reaches its copy a little later.
    /// </summary>
    /// <remarks>
    /// <paramref name="items"/> is all content, not one kind's: asked for one kind by id, SQLite
    /// chose the listing index on (Kind, PublishAt, …) and walked every item of the kind to find
    /// twelve, where the ids alone make it look each one up by its key.
    /// </remarks>
    public static async Task<Paged<ContentCard>> ToCardPageAsync(
        this IQueryable<ContentItem> items, IReadOnlyList<ListedItem> listed, int? requestedPage, int pageSize, CancellationToken cancellationToken)
    {
        var (page, pageCount) = ContentQueries.PagePosition(listed.Count, requestedPage, pageSize);
        var cards = await items.ToCardsAsync(listed.Skip((page - 1) * pageSize).Take(pageSize).ToList(), cancellationToken);
        return new Paged<ContentCard>(cards, page, pageCount, listed.Count);
    }

    /// <summary>The cards of <paramref name="listed"/>, in its order; the dimensions come in a second query.</summary>
    public static async Task<List<ContentCard>> ToCardsAsync(
        this IQueryable<ContentItem> items, IReadOnlyList<ListedItem> listed, CancellationToken cancellationToken)
    {
        if (listed.Count == 0)
        {
            return [];
        }

        var ids = listed.Select(i => i.Id).ToList();
        var position = listed.Select((item, index) => (item.Slug, index)).ToDictionary(x => x.Slug, x => x.index, StringComparer.Ordinal);
        var cards = await items.WithIds(ids).ToCardsSplitAsync(cancellationToken);
        return [.. cards.OrderBy(c => position.GetValueOrDefault(c.Slug))];
    }
}
