using System.Text.Json.Nodes;

namespace JobQuality.Web.Shared;

/// <summary>
/// What a page says about itself in its head: description, canonical address, Open Graph and
/// Twitter cards, structured data. The layout renders it; pages that say nothing get the site's own.
/// </summary>
public sealed class PageMetadata
{
    public const string SiteName = "Job Quality Center of Excellence";

    public const string SiteDescription =
        "Tools, research, examples and conversations for everyone who can make jobs better: employers, investors, policymakers, advocates, educators and workforce leaders.";

    /// <summary>The title for cards and structured data; the layout falls back to the page title.</summary>
    public string? Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The canonical path, such as /toolkit/x; the request's path when null.</summary>
    public string? Path { get; init; }

    /// <summary>Open Graph type: "website" for lists, "article" for an item.</summary>
    public string OpenGraphType { get; init; } = "website";

    /// <summary>True for pages that should not be indexed on their own, such as search results.</summary>
    public bool NoIndex { get; init; }

    /// <summary>schema.org data; the layout adds @context and the page's absolute url.</summary>
    public JsonObject? StructuredData { get; init; }

    public static PageMetadata Listing(string title, string description, string path) => new()
    {
        Title = title,
        Description = description,
        Path = path,
        StructuredData = new JsonObject { ["@type"] = "CollectionPage", ["name"] = title, ["description"] = description },
    };
}

/// <summary>A view model that describes its page for search engines and link previews.</summary>
public interface IDescribedPage
{
    PageMetadata Metadata { get; }
}
