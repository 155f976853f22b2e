using System.Buffers;
using System.Globalization;
using System.Numerics;
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
/// from this copy it is a few operations on sets of items (<see cref="ListedKind.Filter"/>), and
/// only the page's own cards are read from the database. A kind's copy is read on the first
/// listing of it after content changes and forgotten with the cached pages
/// (<see cref="ContentChanges"/>).
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

    /// <summary>Its dimensions' slugs, in the dimensions' order.</summary>
    public IReadOnlyList<string> Dimensions { get; init; } = [];

    /// <summary>Its dimensions as its card shows them, in their order.</summary>
    public IReadOnlyList<TermLink> DimensionLinks { get; init; } = [];

    /// <summary>The fields of practice it is for (a resource's audiences, an exemplar's field).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Its type of resource, type of publication, or kind of profile, as a slug.</summary>
    public IReadOnlyList<string> Type { get; init; } = [];

    /// <summary>The year of a publication.</summary>
    public IReadOnlyList<string> Year { get; init; } = [];

    /// <summary>Its values of one kind.</summary>
    public IReadOnlyList<string> ValuesBy(ListedBy by) => by switch
    {
        ListedBy.Dimension => Dimensions,
        ListedBy.Field => Fields,
        ListedBy.Type => Type,
        ListedBy.Year => Year,
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, null),
    };
}

/// <summary>Every public or scheduled item of one kind, in the order its listing shows them.</summary>
public sealed class ListedKind
{
    private readonly List<ListedItem> _items;

    /// <summary>When each item becomes public, in the listing's order: the items visible at a time.</summary>
    private readonly DateTime[] _publishAt;

    /// <summary>
    /// For each kind of value (<see cref="ListedBy"/>) and each value, the items that have it: bit
    /// <c>i</c> is the <c>i</c>-th item in the listing's order.
    /// </summary>
    private readonly Dictionary<string, ulong[]>[] _having;

    internal ListedKind(List<ListedItem> items, IReadOnlyList<FilterOption> dimensions, IReadOnlyList<FilterOption> fields)
    {
        _items = items;
        _publishAt = [.. items.Select(i => i.PublishAt)];
        _having = [.. Enum.GetValues<ListedBy>().Select(by => Having(items, by))];
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
    /// choice would show, given everything else the visitor chose. A value asked for that no item
    /// has matches nothing.
    /// </summary>
    /// <remarks>
    /// Sets of items are bit sets over the listing's order (one bit an item, 1.25 KB at 10,000
    /// items): the visible items, and for each value the items that have it, made when the copy is
    /// read. Filtering is AND-ing the sets of the values chosen; a choice's count is the number of
    /// bits left when its own set is AND-ed with the items every other facet lets through. Walking
    /// every item for each listing was most of its processor time at 10,000 items.
    /// </remarks>
    public (IReadOnlyList<ListedItem> Items, IReadOnlyList<FilterChoice> Filters) Filter(DateTime utcNow, IReadOnlyList<Facet> facets)
    {
        var words = Words(_items.Count);
        var buffer = ArrayPool<ulong>.Shared.Rent(words * 2);
        try
        {
            var visible = buffer.AsSpan(0, words);
            var through = buffer.AsSpan(words, words);
            visible.Clear();
            for (var i = 0; i < _publishAt.Length; i++)
            {
                if (_publishAt[i] <= utcNow)
                {
                    visible[i >> 6] |= 1UL << i;
                }
            }

            // The set each facet's choice keeps; an empty set for a value no item has, none for no choice.
            var chosen = new ulong[]?[facets.Count];
            for (var f = 0; f < facets.Count; f++)
            {
                if (facets[f].Choice.Selected is { } selected)
                {
                    chosen[f] = _having[(int)facets[f].By].GetValueOrDefault(selected) ?? new ulong[words];
                }
            }

            var filters = new FilterChoice[facets.Count];
            for (var f = 0; f < facets.Count; f++)
            {
                // What every other facet lets through, counted against each of this facet's choices.
                Keep(visible, chosen, except: f, through);
                var having = _having[(int)facets[f].By];
                var choice = facets[f].Choice;
                var options = new List<FilterOption>(choice.Options.Count);
                foreach (var option in choice.Options)
                {
                    options.Add(option with { Count = having.TryGetValue(option.Value, out var items) ? CountBoth(through, items) : 0 });
                }

                filters[f] = choice with { Options = options };
            }

            Keep(visible, chosen, except: -1, through);
            var found = new ListedItem[CountBoth(through, through)];
            var next = 0;
            for (var w = 0; w < through.Length; w++)
            {
                for (var bits = through[w]; bits != 0; bits &= bits - 1)
                {
                    found[next++] = _items[(w << 6) + BitOperations.TrailingZeroCount(bits)];
                }
            }

            return (found, filters);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    private static int Words(int items) => (items + 63) >> 6;

    /// <summary>Sets <paramref name="into"/> to the visible items that every chosen set but the one at <paramref name="except"/> keeps.</summary>
    private static void Keep(ReadOnlySpan<ulong> visible, ulong[]?[] chosen, int except, Span<ulong> into)
    {
        visible.CopyTo(into);
        for (var f = 0; f < chosen.Length; f++)
        {
            if (f != except && chosen[f] is { } set)
            {
                for (var w = 0; w < into.Length; w++)
                {
                    into[w] &= set[w];
                }
            }
        }
    }

    /// <summary>How many items are in both sets.</summary>
    private static int CountBoth(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var count = 0;
        for (var w = 0; w < a.Length; w++)
        {
            count += BitOperations.PopCount(a[w] & b[w]);
        }

        return count;
    }

    /// <summary>For each value of one kind, the set of items that have it.</summary>
    private static Dictionary<string, ulong[]> Having(List<ListedItem> items, ListedBy by)
    {
        var having = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var value in items[i].ValuesBy(by))
            {
                ref var set = ref CollectionsMarshal.GetValueRefOrAddDefault(having, value, out _);
                set ??= new ulong[Words(items.Count)];
                set[i >> 6] |= 1UL << i;
            }
        }

        return having;
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

        // Each value once, in memory as long as the copy: the items share its string, and a one-value list of it.
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

        // The taxonomies change only with a migration; read with the items, they cost a listing page nothing.
        var dimensionChoices = await db.Dimensions.AsNoTracking().OrderBy(d => d.Position)
            .Select(d => new FilterOption(d.Slug, d.Name, null)).ToListAsync(cancellationToken);
        var fieldChoices = kind is not (ContentKind.ToolkitResource or ContentKind.Exemplar) ? [] : await db.FieldsOfPractice.AsNoTracking()
            .OrderBy(f => f.Position).Select(f => new FilterOption(f.Slug, f.Name, null)).ToListAsync(cancellationToken);

        // An item's dimensions in their order, as its card shows them: one list for all the items with the same ones.
        var taxonomy = dimensionChoices.Select((d, position) => (Position: position, Link: new TermLink(d.Value, d.Label)))
            .ToDictionary(d => d.Link.Slug, StringComparer.Ordinal);
        int Position(string slug) => taxonomy.TryGetValue(slug, out var term) ? term.Position : int.MaxValue;
        var shown = new Dictionary<string, TermLink[]>(StringComparer.Ordinal);
        TermLink[] Shown(string[] slugs)
        {
            Array.Sort(slugs, (a, b) => Position(a).CompareTo(Position(b)));
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(shown, string.Join(' ', slugs), out _);
            return slot ??= [.. slugs.Where(taxonomy.ContainsKey).Select(slug => taxonomy[slug].Link)];
        }

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
            DimensionLinks = dimensions.TryGetValue(row.Id, out var slugs) ? Shown(slugs) : [],
            Fields = row.Field is { } field ? Only(field) : audiences.GetValueOrDefault(row.Id, []),
            Type = Only(row.ResourceType?.ToSlug() ?? row.ResearchType?.ToSlug() ?? row.Profile?.ToSlug()),
            Year = Only(row.Published?.Year.ToString(CultureInfo.InvariantCulture)),
        }).ToList();
        items.Sort(kind == ContentKind.Exemplar ? ByTitle : NewestFirst);

        return new ListedKind(items, dimensionChoices, fieldChoices);
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
    /// nearest real page. Visibility at <paramref name="utcNow"/> is asked again: a change made
    /// outside this instance reaches its copy a little later.
    /// </summary>
    public static async Task<Paged<ContentCard>> ToCardPageAsync(
        this JobQualityDbContext db, DateTime utcNow, IReadOnlyList<ListedItem> listed, int? requestedPage, int pageSize, CancellationToken cancellationToken)
    {
        var (page, pageCount) = ContentQueries.PagePosition(listed.Count, requestedPage, pageSize);
        var cards = await db.ToCardsAsync(utcNow, listed.Skip((page - 1) * pageSize).Take(pageSize).ToList(), cancellationToken);
        return new Paged<ContentCard>(cards, page, pageCount, listed.Count);
    }

    /// <summary>The cards of <paramref name="listed"/>, in its order.</summary>
    public static async Task<List<ContentCard>> ToCardsAsync(
        this JobQualityDbContext db, DateTime utcNow, IReadOnlyList<ListedItem> listed, CancellationToken cancellationToken)
    {
        if (listed.Count == 0)
        {
            return [];
        }

        var cards = await db.VisibleCardsAsync(utcNow, [.. listed.Select(i => i.Id)], cancellationToken);
        var byId = listed.ToDictionary(i => i.Id);
        foreach (var card in cards)
        {
            card.Dimensions = byId[card.Id].DimensionLinks;
        }

        return cards;
    }
}
