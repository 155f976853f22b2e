using JobQuality.Web.Content;

namespace JobQuality.Web.Research;

/// <summary>A report, brief, evaluation or data release.</summary>
public sealed class ResearchPublication() : ContentItem(ContentKind.Research)
{
    public ResearchType Type { get; set; }

    public List<string> Authors { get; set; } = [];

    public DateOnly? PublicationDate { get; set; }

    public string? Url { get; set; }

    /// <summary>The publication as an uploaded PDF.</summary>
    public string? PdfUrl { get; set; }
}

public enum ResearchType
{
    Report,
    Brief,
    Evaluation,
    Data,
}
