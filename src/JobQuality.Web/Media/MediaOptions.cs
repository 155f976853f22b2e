namespace JobQuality.Web.Media;

/// <summary>Where uploads are kept and how large they may be (section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The folder for uploaded files; relative paths are under the content root.</summary>
    public string Path { get; set; } = "App_Data/media";

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    public string ResolvePath(string contentRoot) => System.IO.Path.GetFullPath(Path, contentRoot);
}
