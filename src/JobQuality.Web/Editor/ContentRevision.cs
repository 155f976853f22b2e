using JobQuality.Web.Content;

namespace JobQuality.Web.Editor;

/// <summary>
/// The whole item as it stood after one save, kept as a content file (front matter and Markdown),
/// so that any revision can be compared, restored or exported with the tools that read files.
/// </summary>
public sealed class ContentRevision
{
    public int Id { get; set; }

    public int ContentItemId { get; set; }

    public ContentItem? ContentItem { get; set; }

    /// <summary>1 for the first save of an item, then counting up.</summary>
    public int Number { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string Author { get; set; }

    /// <summary>What the save did, such as "Saved draft" or "Published".</summary>
    public required string Note { get; set; }

    public required string Snapshot { get; set; }
}
