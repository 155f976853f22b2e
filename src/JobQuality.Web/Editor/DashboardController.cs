using JobQuality.Web.Accounts;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Editor;

/// <summary>The editors' start page: where things stand and what needs attention.</summary>
[Authorize(Policy = Roles.Editors)]
public sealed class DashboardController(JobQualityDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var states = await db.Content.AsNoTracking()
            .Select(c => new { c.Kind, c.Status, c.PublishAt, c.ArchivedAt })
            .ToListAsync(cancellationToken);
        var counts = ContentKinds.All.Select(kind => new KindCounts(kind,
            states.Where(s => s.Kind == kind)
                .GroupBy(s => EditorStatus.For(s.Status, s.PublishAt, s.ArchivedAt, now))
                .ToDictionary(g => g.Key, g => g.Count()))).ToList();

        var active = db.Content.AsNoTracking().Where(c => c.ArchivedAt == null);
        return View("Dashboard", new Dashboard
        {
            Counts = counts,
            Recent = await Rows(db.Content.AsNoTracking().OrderByDescending(c => c.UpdatedAt).Take(10), now, cancellationToken),
            Scheduled = await Rows(active.Where(c => c.Status != ContentStatus.Draft && c.PublishAt > now).OrderBy(c => c.PublishAt), now, cancellationToken),
            DueForReview = await Rows(active.Where(c => c.ReviewBy != null && c.ReviewBy < today).OrderBy(c => c.ReviewBy), now, cancellationToken),
        });
    }

    private static async Task<IReadOnlyList<EditorRow>> Rows(IQueryable<ContentItem> items, DateTime now, CancellationToken cancellationToken) =>
        (await items.Take(50)
            .Select(c => new { c.Id, c.Kind, c.Title, c.Slug, c.Status, c.PublishAt, c.ArchivedAt, c.UpdatedAt, c.ReviewBy })
            .ToListAsync(cancellationToken))
        .Select(r => new EditorRow(r.Id, r.Kind, r.Title, r.Slug, EditorStatus.For(r.Status, r.PublishAt, r.ArchivedAt, now), r.PublishAt, r.UpdatedAt)
        {
            ReviewBy = r.ReviewBy,
        })
        .ToList();
}

public sealed class Dashboard
{
    public required IReadOnlyList<KindCounts> Counts { get; init; }

    public required IReadOnlyList<EditorRow> Recent { get; init; }

    public required IReadOnlyList<EditorRow> Scheduled { get; init; }

    public required IReadOnlyList<EditorRow> DueForReview { get; init; }

    public static IReadOnlyList<string> Statuses { get; } = ["Draft", "Scheduled", "Published", "Archived"];
}

public sealed record KindCounts(ContentKind Kind, IReadOnlyDictionary<string, int> ByStatus)
{
    public int this[string status] => ByStatus.TryGetValue(status, out var n) ? n : 0;
}

/// <summary>Renders Markdown with the site's own pipeline, for the editor's live preview.</summary>
[Authorize(Policy = Roles.Editors)]
public sealed class MarkdownPreviewController : Controller
{
    [HttpPost("admin/preview")]
    [RequestSizeLimit(1_000_000)]
    public ContentResult Render([FromForm] string? markdown) =>
        Content(MarkdownRenderer.Render(markdown), "text/html; charset=utf-8");
}
