using JobQuality.Web.Content;
using JobQuality.Web.Topics;

namespace JobQuality.Web.Exemplars;

/// <summary>A profile of a person or an organisation improving the quality of jobs.</summary>
public sealed class Exemplar() : ContentItem(ContentKind.Exemplar)
{
    public string? Organization { get; set; }

    public string? Location { get; set; }

    public string? FieldSlug { get; set; }

    public FieldOfPractice? Field { get; set; }

    public ExemplarProfile Profile { get; set; }

    public string? Website { get; set; }

    /// <summary>A photo of the person or the organisation's logo: an uploaded image or a web address.</summary>
    public string? ImageUrl { get; set; }
}

/// <summary>Whether an exemplar profiles a person or an organisation.</summary>
public enum ExemplarProfile
{
    Organization,
    Person,
}
