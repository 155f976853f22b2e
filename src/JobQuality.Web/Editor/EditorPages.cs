using JobQuality.Web.Content;

namespace JobQuality.Web.Editor;

/// <summary>The form page for a new or existing item of any kind.</summary>
public sealed class EditorPage
{
    public required ContentKind Kind { get; init; }

    public int? Id { get; init; }

    public required ContentForm Form { get; init; }

    public string? Status { get; init; }

    public string? PublicPath { get; init; }

    public bool IsArchived { get; init; }

    /// <summary>The body rendered by the site's own pipeline, when the editor asked for a preview.</summary>
    public string? PreviewHtml { get; init; }

    public string? Message { get; init; }

    public IReadOnlyList<TermLink> Dimensions { get; init; } = [];

    public IReadOnlyList<TermLink> Fields { get; init; } = [];

    public IReadOnlyList<MediaChoice> Media { get; init; } = [];

    public required string EditorTimeZone { get; init; }

    public string FormAction => Id is { } id ? $"/admin/{Kind.Segment()}/{id}" : $"/admin/{Kind.Segment()}/new";
}

/// <summary>An uploaded file offered by the picker.</summary>
public sealed record MediaChoice(string Path, string Name, bool IsImage)
{
    public string Markdown => IsImage ? $"![{Name}]({Path})" : $"[{Name}]({Path})";
}

/// <summary>The list of one kind's items in the editor area.</summary>
public sealed class EditorList
{
    public required ContentKind Kind { get; init; }

    public required Paged<EditorRow> Rows { get; init; }

    public string? Query { get; init; }

    public string? Status { get; init; }

    public static IReadOnlyList<string> Statuses { get; } = ["draft", "scheduled", "published", "archived"];
}

public sealed record EditorRow(int Id, ContentKind Kind, string Title, string Slug, string Status, DateTime? PublishAt, DateTime UpdatedAt)
{
    public DateOnly? ReviewBy { get; init; }

    public string EditPath => $"/admin/{Kind.Segment()}/{Id}";
}

/// <summary>An item's revisions, two of them side by side.</summary>
public sealed class HistoryPage
{
    public required ContentKind Kind { get; init; }

    public required int Id { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<RevisionRow> Revisions { get; init; }

    public int? From { get; init; }

    public int? To { get; init; }

    public IReadOnlyList<DiffRow> Differences { get; init; } = [];
}

public sealed record RevisionRow(int Number, DateTime CreatedAt, string Author, string Note);

/// <summary>One line of a side-by-side comparison; a kind is "unchanged", "deleted", "inserted", "modified" or "imaginary".</summary>
public sealed record DiffRow(int? OldNumber, string? OldText, string OldKind, int? NewNumber, string? NewText, string NewKind);

/// <summary>How an item stands, in the words the editor area uses.</summary>
public static class EditorStatus
{
    public static string For(ContentStatus status, DateTime? publishAt, DateTime? archivedAt, DateTime now) =>
        archivedAt is not null ? "Archived"
        : status == ContentStatus.Draft ? "Draft"
        : publishAt > now ? "Scheduled"
        : "Published";

    /// <summary>Items in the named state: draft, scheduled, published or archived.</summary>
    public static IQueryable<ContentItem> WhereStatus(this IQueryable<ContentItem> items, string? status, DateTime now) => status switch
    {
        "archived" => items.Where(c => c.ArchivedAt != null),
        "draft" => items.Where(c => c.ArchivedAt == null && c.Status == ContentStatus.Draft),
        "scheduled" => items.Where(c => c.ArchivedAt == null && c.Status != ContentStatus.Draft && c.PublishAt > now),
        "published" => items.Where(c => c.ArchivedAt == null && c.Status != ContentStatus.Draft && c.PublishAt <= now),
        _ => items.Where(c => c.ArchivedAt == null),
    };
}
