using JobQuality.Web.Data;
using JobQuality.Web.Toolkit;
using JobQuality.Web.Topics;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Content;

/// <summary>
/// Brings a stored item in line with a new version of it (from a file, the editor's form or a
/// revision), changing only what differs, so that an unchanged item stays unchanged.
/// </summary>
public sealed class ContentMerge
{
    private readonly JobQualityDbContext _db;
    private readonly Dictionary<string, Dimension> _dimensions;
    private readonly Dictionary<string, FieldOfPractice> _fields;

    private ContentMerge(JobQualityDbContext db, Dictionary<string, Dimension> dimensions, Dictionary<string, FieldOfPractice> fields)
    {
        _db = db;
        _dimensions = dimensions;
        _fields = fields;
    }

    /// <summary>Loads the taxonomies (tracked) that items are linked to.</summary>
    public static async Task<ContentMerge> CreateAsync(JobQualityDbContext db, CancellationToken cancellationToken) =>
        new(db,
            await db.Dimensions.ToDictionaryAsync(d => d.Slug, cancellationToken),
            await db.FieldsOfPractice.ToDictionaryAsync(f => f.Slug, cancellationToken));

    /// <summary>Adds a new item with its taxonomy links.</summary>
    public void Add(ContentItem item, IEnumerable<string> dimensions, IEnumerable<string> audiences, DateTime now)
    {
        item.CreatedAt = item.UpdatedAt = now;
        item.Dimensions = [.. dimensions.Select(d => _dimensions[d])];
        if (item is ToolkitResource resource)
        {
            resource.Audiences = [.. audiences.Select(a => _fields[a])];
        }

        _db.Add(item);
    }

    /// <summary>
    /// Checks that the taxonomy terms a new item names exist, as <see cref="Add"/> would, for an item
    /// that is written without the change tracker (the import's bulk insert).
    /// </summary>
    public void Check(IEnumerable<string> dimensions, IEnumerable<string> audiences)
    {
        foreach (var slug in dimensions)
        {
            _ = _dimensions[slug];
        }

        foreach (var slug in audiences)
        {
            _ = _fields[slug];
        }
    }

    /// <summary>Copies <paramref name="incoming"/> onto the tracked <paramref name="item"/>; true when anything changed.</summary>
    public bool Apply(ContentItem item, ContentItem incoming, IReadOnlyList<string> dimensions, IReadOnlyList<string> audiences, DateTime now)
    {
        // What the incoming version does not carry keeps what the database has.
        incoming.Id = item.Id;
        incoming.CreatedAt = item.CreatedAt;
        incoming.UpdatedAt = item.UpdatedAt;
        incoming.BodyHtml = item.BodyHtml;
        incoming.ReviewedAt = item.ReviewedAt;
        incoming.ReviewedBy = item.ReviewedBy;
        incoming.ArchivedAt = item.ArchivedAt;
        if (incoming is Webinar incomingWebinar && item is Webinar storedWebinar)
        {
            // Seats taken are the registrations' to count, never a file's or a form's.
            incomingWebinar.SeatsTaken = storedWebinar.SeatsTaken;
        }

        var entry = _db.Entry(item);
        entry.CurrentValues.SetValues(incoming);
        var changed = entry.Properties.Any(p => p.IsModified);
        changed |= Replace(item.Dimensions, dimensions, d => d.Slug, slug => _dimensions[slug]);
        if (item is ToolkitResource toolkit)
        {
            changed |= Replace(toolkit.Audiences, audiences, f => f.Slug, slug => _fields[slug]);
        }

        if (changed)
        {
            item.UpdatedAt = now;
        }

        return changed;
    }

    private static bool Replace<T>(List<T> current, IReadOnlyList<string> wanted, Func<T, string> slugOf, Func<string, T> find)
    {
        if (current.Select(slugOf).Order(StringComparer.Ordinal).SequenceEqual(wanted.Order(StringComparer.Ordinal)))
        {
            return false;
        }

        current.Clear();
        current.AddRange(wanted.Select(find));
        return true;
    }
}
