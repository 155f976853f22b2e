using System.Text.RegularExpressions;
using JobQuality.Web.Accounts;
using JobQuality.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Media;

/// <summary>Uploading images and PDFs, and serving them.</summary>
public sealed partial class MediaController(
    JobQualityDbContext db, TimeProvider clock, IOptions<MediaOptions> options, IWebHostEnvironment environment) : Controller
{
    [Authorize(Policy = Roles.Editors)]
    [HttpGet("admin/media")]
    public async Task<IActionResult> Index(string? uploaded, CancellationToken cancellationToken) =>
        View("Library", await LibraryAsync(uploaded is null ? null : "Uploaded. Copy its Markdown into a body, or pick it in the editor.", cancellationToken));

    [Authorize(Policy = Roles.Editors)]
    [HttpPost("admin/media")]
    [RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
    [RequestSizeLimit(64 * 1024 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBytes;
        string? problem = null;
        MediaTypes.Detected? type = null;
        if (file is null || file.Length == 0)
        {
            problem = "Choose a file to upload.";
        }
        else if (file.Length > limit)
        {
            problem = $"That file is {file.Length / 1024 / 1024.0:0.#} MB; the limit is {limit / 1024 / 1024.0:0.#} MB.";
        }
        else
        {
            var header = new byte[MediaTypes.HeaderLength];
            await using var stream = file.OpenReadStream();
            var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
            type = MediaTypes.Detect(header.AsSpan(0, read));
            problem = type is null ? "Only PNG, JPEG, WebP and GIF images and PDF documents can be uploaded; this file is none of them." : null;
        }

        if (problem is not null || type is null || file is null)
        {
            ModelState.AddModelError("file", problem ?? "The upload failed.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Library", await LibraryAsync(null, cancellationToken));
        }

        var folder = options.Value.ResolvePath(environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N") + type.Extension;
        await using (var target = System.IO.File.Create(Path.Combine(folder, name)))
        {
            await file.CopyToAsync(target, cancellationToken);
        }

        db.MediaFiles.Add(new MediaFile
        {
            FileName = name,
            OriginalName = Path.GetFileName(file.FileName) is { Length: > 0 } original ? original[..Math.Min(original.Length, 255)] : name,
            ContentType = type.ContentType,
            Length = file.Length,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = User.Identity?.Name ?? "unknown",
        });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/admin/media?uploaded=" + name);
    }

    /// <summary>Serves an upload with the type its bytes were checked to be.</summary>
    [HttpGet("media/{name}")]
    public async Task<IActionResult> Serve(string name, CancellationToken cancellationToken)
    {
        if (!GeneratedName().IsMatch(name))
        {
            return NotFound();
        }

        var media = await db.MediaFiles.AsNoTracking().Where(m => m.FileName == name)
            .Select(m => new { m.ContentType }).SingleOrDefaultAsync(cancellationToken);
        var path = Path.Combine(options.Value.ResolvePath(environment.ContentRootPath), name);
        if (media is null || !System.IO.File.Exists(path))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(path, media.ContentType, enableRangeProcessing: true);
    }

    private async Task<MediaLibrary> LibraryAsync(string? message, CancellationToken cancellationToken) => new()
    {
        Message = message,
        MaxBytes = options.Value.MaxBytes,
        Files = await db.MediaFiles.AsNoTracking().OrderByDescending(m => m.UploadedAt).Take(200)
            .Select(m => new MediaRow("/media/" + m.FileName, m.OriginalName, m.ContentType, m.Length, m.UploadedAt, m.UploadedBy))
            .ToListAsync(cancellationToken),
    };

    [GeneratedRegex("^[a-f0-9]{32}\\.(png|jpg|gif|webp|pdf)$", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedName();
}

public sealed class MediaLibrary
{
    public string? Message { get; init; }

    public long MaxBytes { get; init; }

    public required IReadOnlyList<MediaRow> Files { get; init; }
}

public sealed record MediaRow(string Path, string Name, string ContentType, long Length, DateTime UploadedAt, string UploadedBy)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    public string Markdown => IsImage ? $"![{Name}]({Path})" : $"[{Name}]({Path})";
}
