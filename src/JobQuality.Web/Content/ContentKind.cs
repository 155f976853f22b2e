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

    /// <summary>The words the site uses for one kind.</summary>
    /// <param name="Segment">The first segment of the kind's public address; also its folder under content/.</param>
    /// <param name="Plural">The heading used for a list of this kind.</param>
    /// <param name="Singular">The label of one item of this kind.</param>
    /// <param name="Items">Items of this kind, as a sentence counts them: "12 toolkit resources".</param>
    private sealed record Names(string Segment, string Plural, string Singular, string Items);

    private static readonly Names ExemplarNames = new("exemplars", "Exemplars", "Exemplar", "exemplar profiles");
    private static readonly Names ToolkitNames = new("toolkit", "Toolkit", "Toolkit resource", "toolkit resources");
    private static readonly Names ResearchNames = new("research", "Research", "Research", "research publications");
    private static readonly Names WebinarNames = new("webinars", "Webinars", "Webinar", "webinars");

    private static Names Of(ContentKind kind) => kind switch
    {
        ContentKind.Exemplar => ExemplarNames,
        ContentKind.ToolkitResource => ToolkitNames,
        ContentKind.Research => ResearchNames,
        ContentKind.Webinar => WebinarNames,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The first segment of the kind's public address; also its folder under content/.</summary>
    public static string Segment(this ContentKind kind) => Of(kind).Segment;

    /// <summary>The heading used for a list of this kind.</summary>
    public static string PluralName(this ContentKind kind) => Of(kind).Plural;

    /// <summary>Items of this kind, as a sentence counts them: "12 toolkit resources".</summary>
    public static string ItemsName(this ContentKind kind) => Of(kind).Items;

    /// <summary>The label of one item of this kind.</summary>
    public static string SingularName(this ContentKind kind) => Of(kind).Singular;

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
