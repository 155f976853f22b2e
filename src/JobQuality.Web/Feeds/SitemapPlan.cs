using JobQuality.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Feeds;

/// <summary>An item's place in the sitemap.</summary>
public sealed class SitemapEntry
{
    public ContentKind Kind { get; init; }

    public required string Slug { get; init; }

    public DateTime Modified { get; init; }
}

/// <summary>
/// The sitemap's addresses, <paramref name="listings"/> then <paramref name="items"/>, shared out in
/// order among files of at most <paramref name="perFile"/> addresses each.
/// </summary>
public sealed class SitemapPlan(
    IReadOnlyList<(string Path, DateTime? Modified)> listings,
    int itemCount,
    IQueryable<SitemapEntry> items,
    int perFile)
{
    public int FileCount { get; } = Math.Max(1, (listings.Count + itemCount + perFile - 1) / perFile);

    /// <summary>The addresses of file <paramref name="number"/> (from 1).</summary>
    public async Task<IEnumerable<(string Path, DateTime? Modified)>> EntriesAsync(int number, CancellationToken cancellationToken)
    {
        var (listed, skip, take) = Slice(number);
        var entries = take == 0 ? [] : await items.Skip(skip).Take(take).ToListAsync(cancellationToken);
        return listed.Concat(entries.Select(e => (e.Kind.PathFor(e.Slug), (DateTime?)e.Modified)));
    }

    /// <summary>When anything in file <paramref name="number"/> last changed, for the sitemap index.</summary>
    public async Task<DateTime?> LastModifiedAsync(int number, CancellationToken cancellationToken)
    {
        var (listed, skip, take) = Slice(number);
        var latestItem = take == 0 ? null : await items.Skip(skip).Take(take).MaxAsync(e => (DateTime?)e.Modified, cancellationToken);
        return listed.Select(l => l.Modified).Append(latestItem).Max();
    }

    /// <summary>The listings file <paramref name="number"/> holds, and the run of items after them.</summary>
    private (IEnumerable<(string Path, DateTime? Modified)> Listed, int Skip, int Take) Slice(int number)
    {
        var first = (number - 1) * perFile;
        var listed = listings.Skip(first).Take(perFile).ToList();
        var skip = Math.Max(0, first - listings.Count);
        return (listed, skip, Math.Min(perFile - listed.Count, Math.Max(0, itemCount - skip)));
    }
}
