using JobQuality.Web.Topics;

namespace JobQuality.Web.Content;

/// <summary>
/// What exemplars, toolkit resources, research and webinars have in common. Each kind derives from
/// it and adds its own fields; rendering, listing and publishing are written once, here.
/// </summary>
public abstract class ContentItem
{
    protected ContentItem(ContentKind kind) => Kind = kind;

    public int Id { get; set; }

    public ContentKind Kind { get; private set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>The body as the editor wrote it, in Markdown.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>The body rendered and sanitised when it was saved; never rendered per request.</summary>
    public string BodyHtml { get; set; } = string.Empty;

    /// <summary>True when the item illustrates a practice rather than records something real.</summary>
    public bool IsExample { get; set; }

    public ContentStatus Status { get; set; }

    /// <summary>When the item becomes (or became) public, in UTC.</summary>
    public DateTime? PublishAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<Dimension> Dimensions { get; set; } = [];

    /// <summary>When an editor should next check the item is still right.</summary>
    public DateOnly? ReviewBy { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }

    /// <summary>Set when an editor deletes the item: it is kept, out of sight, and can be restored.</summary>
    public DateTime? ArchivedAt { get; set; }

    public string Path => Kind.PathFor(Slug);

    public bool IsPublicAt(DateTime utcNow) => Status != ContentStatus.Draft && PublishAt <= utcNow;
}
