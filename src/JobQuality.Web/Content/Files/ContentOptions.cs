namespace JobQuality.Web.Content.Files;

/// <summary>Where content files live (section <c>Content</c>).</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder; by default the repository's <c>content/</c>.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// The configured folder, or else the nearest <c>content/</c> found from the content root
    /// upwards: the repository's when run from a clone, the one beside the app when deployed.
    /// </summary>
    public string ResolvePath(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(Path))
        {
            return System.IO.Path.GetFullPath(Path, contentRoot);
        }

        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "content");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "exemplars")))
            {
                return candidate;
            }
        }

        return System.IO.Path.Combine(contentRoot, "content");
    }
}
