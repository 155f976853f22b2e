namespace JobQuality.Web.Content;

/// <summary>The four kinds of content the Center publishes.</summary>
public enum ContentKind
{
    Exemplar,
    ToolkitResource,
    Research,
    Webinar,
}

/// <summary>Names and addresses of each kind, in the site's own words.</summary>
public static class ContentKinds
{
    public static IReadOnlyList<ContentKind> All { get; } =
        [ContentKind.Exemplar, ContentKind.ToolkitResource, ContentKind.Research, ContentKind.Webinar];

    /// <summary>The first segment of the kind's public address; also its folder under content/.</summary>
    public static string Segment(this ContentKind kind) => kind switch
    {
        ContentKind.Exemplar => "exemplars",
        ContentKind.ToolkitResource => "toolkit",
        ContentKind.Research => "research",
        ContentKind.Webinar => "webinars",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The heading used for a list of this kind.</summary>
    public static string PluralName(this ContentKind kind) => kind switch
    {
        ContentKind.Exemplar => "Exemplars",
        ContentKind.ToolkitResource => "Toolkit",
        ContentKind.Research => "Research",
        ContentKind.Webinar => "Webinars",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Items of this kind, as a sentence counts them: "12 toolkit resources".</summary>
    public static string ItemsName(this ContentKind kind) => kind switch
    {
        ContentKind.Exemplar => "exemplar profiles",
        ContentKind.ToolkitResource => "toolkit resources",
        ContentKind.Research => "research publications",
        ContentKind.Webinar => "webinars",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The label of one item of this kind.</summary>
    public static string SingularName(this ContentKind kind) => kind switch
    {
        ContentKind.Exemplar => "Exemplar",
        ContentKind.ToolkitResource => "Toolkit resource",
        ContentKind.Research => "Research",
        ContentKind.Webinar => "Webinar",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string PathFor(this ContentKind kind, string slug) => $"/{kind.Segment()}/{slug}";

    public static bool TryParseSegment(string? segment, out ContentKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Segment(), segment, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
