namespace JobQuality.Web.Media;

/// <summary>
/// What an upload really is, read from its first bytes; the name and the browser's claim are ignored,
/// so a renamed program cannot pass for a picture.
/// </summary>
public static class MediaTypes
{
    public const int HeaderLength = 12;

    public sealed record Detected(string ContentType, string Extension);

    public static Detected? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new("image/png", ".png");
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new("image/jpeg", ".jpg");
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return new("image/gif", ".gif");
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return new("image/webp", ".webp");
        }

        if (header.StartsWith("%PDF-"u8))
        {
            return new("application/pdf", ".pdf");
        }

        return null;
    }
}
