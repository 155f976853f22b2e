namespace JobQuality.Web.Content.Files;

/// <summary>Something wrong with one content file: which file, which line where known, and what.</summary>
public sealed record ContentFileProblem(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}
