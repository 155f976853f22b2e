namespace JobQuality.Web.Media;

/// <summary>An uploaded image or PDF, stored on disk under a generated name.</summary>
public sealed class MediaFile
{
    public int Id { get; set; }

    /// <summary>The generated name on disk and in the address: /media/{FileName}.</summary>
    public required string FileName { get; set; }

    /// <summary>The name the file had on the uploader's computer, for people to recognise it.</summary>
    public required string OriginalName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    public DateTime UploadedAt { get; set; }

    public required string UploadedBy { get; set; }

    public string Path => "/media/" + FileName;

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
