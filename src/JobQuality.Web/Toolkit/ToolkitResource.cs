using JobQuality.Web.Content;
using JobQuality.Web.Topics;

namespace JobQuality.Web.Toolkit;

/// <summary>A practical tool or guide, and the fields of practice it is written for.</summary>
public sealed class ToolkitResource() : ContentItem(ContentKind.ToolkitResource)
{
    public ResourceType Type { get; set; }

    public List<FieldOfPractice> Audiences { get; set; } = [];

    public string? Url { get; set; }
}

public enum ResourceType
{
    Guide,
    Tool,
    Worksheet,
    CaseStudy,
    Framework,
    Checklist,
    Template,
}
