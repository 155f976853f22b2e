namespace JobQuality.Web.Tests;

/// <summary>A temporary content folder that a test fills with files.</summary>
public sealed class ContentFolder : IDisposable
{
    public ContentFolder() => Path = Directory.CreateTempSubdirectory("jobquality-content-").FullName;

    public string Path { get; }

    public ContentFolder With(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
