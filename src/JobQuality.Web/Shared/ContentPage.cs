using JobQuality.Web.Content;

namespace JobQuality.Web.Shared;

/// <summary>The detail page of any kind: the shared fields, plus the facts that kind adds.</summary>
public sealed record ContentPage : IDescribedPage
{
    public required ContentKind Kind { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required string BodyHtml { get; init; }

    public bool IsExample { get; init; }

    public DateTime? PublishAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public IReadOnlyList<TermLink> Dimensions { get; init; } = [];

    public IReadOnlyList<Fact> Facts { get; init; } = [];

    /// <summary>Calls to action such as "Read the publication".</summary>
    public IReadOnlyList<FactValue> Actions { get; init; } = [];

    public required PageMetadata Metadata { get; init; }

    /// <summary>Set when an editor previews the page: the item's status, shown in a banner.</summary>
    public string? PreviewStatus { get; init; }

    /// <summary>Where the editor goes back to from a preview.</summary>
    public string? EditPath { get; init; }

    /// <summary>A photo or logo shown beside the title.</summary>
    public string? ImageUrl { get; init; }

    public static ContentPage From(ContentItem item, IEnumerable<Fact?> facts, IEnumerable<FactValue?> actions, string? imageUrl = null) => new()
    {
        ImageUrl = imageUrl,
        Kind = item.Kind,
        Slug = item.Slug,
        Title = item.Title,
        Summary = item.Summary,
        BodyHtml = item.BodyHtml,
        IsExample = item.IsExample,
        PublishAt = item.PublishAt,
        UpdatedAt = item.UpdatedAt,
        Dimensions = item.Dimensions.OrderBy(d => d.Position).Select(d => new TermLink(d.Slug, d.Name)).ToList(),
        Facts = facts.OfType<Fact>().Where(f => f.Values.Count > 0).ToList(),
        Actions = actions.OfType<FactValue>().ToList(),
        Metadata = new PageMetadata
        {
            Title = item.Title,
            Description = item.Summary,
            Path = item.Path,
            OpenGraphType = "article",
            StructuredData = StructuredData.Describe(item),
        },
    };
}

/// <summary>A labelled fact about an item, such as its organisation or its authors.</summary>
public sealed record Fact(string Label, IReadOnlyList<FactValue> Values)
{
    public static Fact? Of(string label, string? text, string? href = null) =>
        string.IsNullOrWhiteSpace(text) ? null : new Fact(label, [new FactValue(text, href)]);

    public static Fact Of(string label, IEnumerable<FactValue> values) => new(label, values.ToList());
}

public sealed record FactValue(string Text, string? Href = null)
{
    public static FactValue? Link(string text, string? href) => string.IsNullOrWhiteSpace(href) ? null : new FactValue(text, href);
}
