using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using JobQuality.Web.Accounts;
using JobQuality.Web.Audit;
using JobQuality.Web.Content;
using JobQuality.Web.Content.Files;
using JobQuality.Web.Data;
using JobQuality.Web.Exemplars;
using JobQuality.Web.Research;
using JobQuality.Web.Toolkit;
using JobQuality.Web.Webinars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Editor;

/// <summary>One controller for every kind: list, write, publish, preview, revisions, archive.</summary>
[Authorize(Policy = Roles.Editors)]
[Route("admin/{kind:" + ContentKindRouteConstraint.Name + "}")]
public sealed class ContentEditorController(
    JobQualityDbContext db, TimeProvider clock, AuditLog audit, IOptions<EditorOptions> options) : Controller
{
    private const int PageSize = 25;
    private const string FormPrefix = "Form";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string Actor => User.Identity?.Name ?? "unknown";

    [HttpGet("")]
    public async Task<IActionResult> Index(string kind, string? q, string? status, int? page, CancellationToken cancellationToken)
    {
        var contentKind = KindOf(kind);
        var now = Now;
        var items = db.Content.AsNoTracking().Where(c => c.Kind == contentKind).WhereStatus(status, now);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
                .Replace("[", "\\[", StringComparison.Ordinal) + "%";
            items = items.Where(c => EF.Functions.Like(c.Title, pattern, "\\"));
        }

        var rows = await items.OrderByDescending(c => c.UpdatedAt)
            .Select(c => new { c.Id, c.Kind, c.Title, c.Slug, c.Status, c.PublishAt, c.ArchivedAt, c.UpdatedAt })
            .ToPageAsync(page, PageSize, cancellationToken);
        return View("List", new EditorList
        {
            Kind = contentKind,
            Query = q,
            Status = status,
            Rows = new Paged<EditorRow>(
                rows.Items.Select(r => new EditorRow(r.Id, r.Kind, r.Title, r.Slug, EditorStatus.For(r.Status, r.PublishAt, r.ArchivedAt, now), r.PublishAt, r.UpdatedAt)).ToList(),
                rows.Page, rows.PageCount, rows.Total),
        });
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(string kind, CancellationToken cancellationToken)
    {
        var contentKind = KindOf(kind);
        var form = new ContentForm
        {
            TimeZone = options.Value.TimeZone,
            Duration = 60,
            ReviewBy = DateOnly.FromDateTime(Now).AddDays(options.Value.ReviewIntervalDays),
        };
        return View("Edit", await PageAsync(contentKind, null, form, cancellationToken));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(string kind, [Bind(Prefix = FormPrefix)] ContentForm form, string? intent, CancellationToken cancellationToken)
    {
        var contentKind = KindOf(kind);
        await CheckAsync(contentKind, null, form, cancellationToken);
        if (intent == Intents.Preview || !ModelState.IsValid)
        {
            return await ShowFormAsync(contentKind, null, form, intent, cancellationToken);
        }

        var now = Now;
        var item = form.ToItem(contentKind);
        SetPublishing(item, intent, form.PublishAt, now);
        var merge = await ContentMerge.CreateAsync(db, cancellationToken);
        merge.Add(item, form.Dimensions, form.Audiences, now);
        db.Revisions.Add(new ContentRevision
        {
            ContentItem = item, Number = 1, CreatedAt = now, Author = Actor, Note = NoteFor(intent, item),
            Snapshot = ContentExporter.ToFile(item),
        });
        AuditPublishing(item, ContentStatus.Draft, intent);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/admin/{kind}/{item.Id}?saved={intent}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(string kind, int id, string? saved, CancellationToken cancellationToken)
    {
        var contentKind = KindOf(kind);
        var item = await LoadAsync(contentKind, id, tracked: false, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var revision = await LatestRevisionAsync(id, cancellationToken);
        var page = await PageAsync(contentKind, item, ContentForm.From(item, options.Value.Zone, revision), cancellationToken,
            saved switch
            {
                Intents.Publish => "Published.",
                Intents.Unpublish => "Unpublished: it is no longer on the public site.",
                Intents.Draft => "Draft saved.",
                "restored" => "The revision was restored as a new revision.",
                _ => null,
            });
        return View("Edit", page);
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(
        string kind, int id, [Bind(Prefix = FormPrefix)] ContentForm form, string? intent,
        [FromServices] WebinarCapacity capacity, CancellationToken cancellationToken)
    {
        var contentKind = KindOf(kind);
        var item = await LoadAsync(contentKind, id, tracked: true, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var latest = await LatestRevisionAsync(id, cancellationToken);
        if (form.BaseRevision != latest && intent != Intents.Preview)
        {
            // Someone saved since this form was opened: keep this editor's text on screen rather than overwrite theirs.
            ModelState.AddModelError(string.Empty,
                $"Someone else saved this item (revision {latest}) after you opened it. Your text is still below: " +
                "compare it with the history, then save again to keep yours.");
            form.BaseRevision = latest;
            ModelState.Remove($"{FormPrefix}.{nameof(ContentForm.BaseRevision)}");
            return await ShowFormAsync(contentKind, item, form, intent, cancellationToken, StatusCodes.Status409Conflict);
        }

        await CheckAsync(contentKind, id, form, cancellationToken);
        if (intent == Intents.Preview || !ModelState.IsValid)
        {
            return await ShowFormAsync(contentKind, item, form, intent, cancellationToken);
        }

        var now = Now;
        var before = item.Status;
        var incoming = form.ToItem(contentKind);
        incoming.Status = item.Status;
        incoming.PublishAt = item.PublishAt;
        SetPublishing(incoming, intent, form.PublishAt, now);
        var seatsBefore = (item as Webinar)?.Capacity;
        var merge = await ContentMerge.CreateAsync(db, cancellationToken);
        if (merge.Apply(item, incoming, form.Dimensions, form.Audiences, now))
        {
            AddRevision(item, latest + 1, NoteFor(intent, item), now);
            AuditPublishing(item, before, intent);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (item is Webinar webinar && webinar.Capacity != seatsBefore)
        {
            // More seats here must serve the waitlist just as the registrations page does.
            await capacity.ChangeAsync(id, webinar.Capacity, cancellationToken);
        }

        return Redirect($"/admin/{kind}/{id}?saved={intent}");
    }

    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> Preview(string kind, int id, CancellationToken cancellationToken)
    {
        var item = await LoadAsync(KindOf(kind), id, tracked: false, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var now = Now;
        var page = item switch
        {
            Exemplar e => ExemplarsController.PageFor(e),
            ToolkitResource r => ToolkitController.PageFor(r),
            ResearchPublication p => ResearchController.PageFor(p),
            Webinar w => WebinarsController.PageFor(w, now),
            _ => throw new InvalidOperationException("Unknown kind of content."),
        };
        Response.Headers["X-Robots-Tag"] = "noindex";
        return View("ContentDetails", page with
        {
            PreviewStatus = EditorStatus.For(item.Status, item.PublishAt, item.ArchivedAt, now),
            EditPath = $"/admin/{kind}/{id}",
        });
    }

    [HttpGet("{id:int}/history")]
    public async Task<IActionResult> History(string kind, int id, int? from, int? to, CancellationToken cancellationToken)
    {
        var contentKind = KindOf(kind);
        var item = await db.Content.AsNoTracking().Where(c => c.Kind == contentKind && c.Id == id)
            .Select(c => new { c.Title }).SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var revisions = await db.Revisions.AsNoTracking().Where(r => r.ContentItemId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.CreatedAt, r.Author, r.Note))
            .ToListAsync(cancellationToken);
        var newest = revisions.FirstOrDefault()?.Number ?? 0;
        var right = to is { } t && revisions.Any(r => r.Number == t) ? t : newest;
        var left = from is { } f && revisions.Any(r => r.Number == f) ? f : Math.Max(1, right - 1);
        var snapshots = await db.Revisions.AsNoTracking()
            .Where(r => r.ContentItemId == id && (r.Number == left || r.Number == right))
            .ToDictionaryAsync(r => r.Number, r => r.Snapshot, cancellationToken);

        return View("History", new HistoryPage
        {
            Kind = contentKind,
            Id = id,
            Title = item.Title,
            Revisions = revisions,
            From = left,
            To = right,
            Differences = snapshots.TryGetValue(left, out var oldText) && snapshots.TryGetValue(right, out var newText)
                ? Compare(oldText, newText)
                : [],
        });
    }

    [HttpPost("{id:int}/revisions/{number:int}/restore")]
    public async Task<IActionResult> RestoreRevision(string kind, int id, int number, CancellationToken cancellationToken)
    {
        var contentKind = KindOf(kind);
        var item = await LoadAsync(contentKind, id, tracked: true, cancellationToken);
        var revision = await db.Revisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ContentItemId == id && r.Number == number, cancellationToken);
        if (item is null || revision is null)
        {
            return NotFound();
        }

        var now = Now;
        var problems = new List<ContentFileProblem>();
        var file = ContentFileReader.Read(contentKind, $"{kind}/{item.Slug}.md", revision.Snapshot, now, problems);
        if (file is null || problems.Count > 0)
        {
            return Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: "This revision cannot be restored: " + string.Join("; ", problems));
        }

        // The words come back; where and whether the item is published stays as it is now.
        var incoming = file.Item;
        (incoming.Slug, incoming.Status, incoming.PublishAt) = (item.Slug, item.Status, item.PublishAt);
        var merge = await ContentMerge.CreateAsync(db, cancellationToken);
        merge.Apply(item, incoming, file.Dimensions, file.Audiences, now);
        AddRevision(item, await LatestRevisionAsync(id, cancellationToken) + 1, $"Restored revision {number}", now);
        audit.Add(Actor, AuditActions.RevisionRestored, item.Path, $"revision {number}");
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/admin/{kind}/{id}?saved=restored");
    }

    [HttpPost("{id:int}/archive")]
    public Task<IActionResult> Archive(string kind, int id, CancellationToken cancellationToken) =>
        SetArchivedAsync(kind, id, archived: true, cancellationToken);

    [HttpPost("{id:int}/unarchive")]
    public Task<IActionResult> Unarchive(string kind, int id, CancellationToken cancellationToken) =>
        SetArchivedAsync(kind, id, archived: false, cancellationToken);

    [HttpPost("{id:int}/reviewed")]
    public async Task<IActionResult> MarkReviewed(string kind, int id, string? returnUrl, CancellationToken cancellationToken)
    {
        var item = await db.Content.SingleOrDefaultAsync(c => c.Kind == KindOf(kind) && c.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var now = Now;
        (item.ReviewedAt, item.ReviewedBy) = (now, Actor);
        item.ReviewBy = DateOnly.FromDateTime(now).AddDays(options.Value.ReviewIntervalDays);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(Url.IsLocalUrl(returnUrl) ? returnUrl : $"/admin/{kind}/{id}");
    }

    private async Task<IActionResult> SetArchivedAsync(string kind, int id, bool archived, CancellationToken cancellationToken)
    {
        var contentKind = KindOf(kind);
        var item = await db.Content.SingleOrDefaultAsync(c => c.Kind == contentKind && c.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (archived)
        {
            // An archived item leaves the public site and waits, whole, to be restored.
            item.ArchivedAt = Now;
            item.Status = ContentStatus.Draft;
        }
        else
        {
            item.ArchivedAt = null;
        }

        audit.Add(Actor, archived ? AuditActions.Archived : AuditActions.Restored, item.Path);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(archived ? $"/admin/{kind}?status=archived" : $"/admin/{kind}/{id}");
    }

    private async Task CheckAsync(ContentKind kind, int? id, ContentForm form, CancellationToken cancellationToken)
    {
        foreach (var (field, message) in form.Check(kind))
        {
            ModelState.AddModelError($"{FormPrefix}.{field}", message);
        }

        var slug = form.EffectiveSlug;
        if (ModelState.GetFieldValidationState($"{FormPrefix}.{nameof(ContentForm.Slug)}") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && await db.Content.AnyAsync(c => c.Kind == kind && c.Slug == slug && c.Id != id, cancellationToken))
        {
            ModelState.AddModelError($"{FormPrefix}.{nameof(ContentForm.Slug)}", $"Another {kind.SingularName().ToLowerInvariant()} already uses the slug '{slug}'. Choose another.");
        }
    }

    private async Task<IActionResult> ShowFormAsync(ContentKind kind, ContentItem? item, ContentForm form, string? intent, CancellationToken cancellationToken, int? status = null)
    {
        var preview = intent == Intents.Preview ? MarkdownRenderer.Render(form.Body) : null;
        var page = await PageAsync(kind, item, form, cancellationToken, previewHtml: preview);
        Response.StatusCode = status ?? (ModelState.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        return View("Edit", page);
    }

    private async Task<EditorPage> PageAsync(ContentKind kind, ContentItem? item, ContentForm form, CancellationToken cancellationToken, string? message = null, string? previewHtml = null) => new()
    {
        Kind = kind,
        Id = item?.Id,
        Form = form,
        Status = item is null ? null : EditorStatus.For(item.Status, item.PublishAt, item.ArchivedAt, Now),
        PublicPath = item?.Path,
        IsArchived = item?.ArchivedAt is not null,
        Message = message,
        PreviewHtml = previewHtml,
        EditorTimeZone = options.Value.TimeZone,
        Dimensions = await db.Dimensions.AsNoTracking().OrderBy(d => d.Position).Select(d => new TermLink(d.Slug, d.Name)).ToListAsync(cancellationToken),
        Fields = await db.FieldsOfPractice.AsNoTracking().OrderBy(f => f.Position).Select(f => new TermLink(f.Slug, f.Name)).ToListAsync(cancellationToken),
        Media = await db.MediaFiles.AsNoTracking().OrderByDescending(m => m.UploadedAt).Take(30)
            .Select(m => new MediaChoice("/media/" + m.FileName, m.OriginalName, m.ContentType.StartsWith("image/")))
            .ToListAsync(cancellationToken),
    };

    private Task<ContentItem?> LoadAsync(ContentKind kind, int id, bool tracked, CancellationToken cancellationToken)
    {
        var items = db.Content
            .Include(c => c.Dimensions)
            .Include(c => ((Exemplar)c).Field)
            .Include(c => ((ToolkitResource)c).Audiences)
            .AsSplitQuery();
        return (tracked ? items : items.AsNoTracking()).SingleOrDefaultAsync(c => c.Kind == kind && c.Id == id, cancellationToken);
    }

    private async Task<int> LatestRevisionAsync(int id, CancellationToken cancellationToken) =>
        await db.Revisions.Where(r => r.ContentItemId == id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;

    private void AddRevision(ContentItem item, int number, string note, DateTime now) =>
        db.Revisions.Add(new ContentRevision
        {
            ContentItemId = item.Id, Number = number, CreatedAt = now, Author = Actor, Note = note,
            Snapshot = ContentExporter.ToFile(item),
        });

    private void SetPublishing(ContentItem item, string? intent, DateTime? publishAtLocal, DateTime now)
    {
        var requested = publishAtLocal is { } local ? ContentForm.ToUtc(local, options.Value.Zone) : (DateTime?)null;
        switch (intent)
        {
            case Intents.Publish:
                item.PublishAt = requested ?? (item.Status == ContentStatus.Draft || item.PublishAt is null ? now : item.PublishAt);
                item.Status = item.PublishAt > now ? ContentStatus.Scheduled : ContentStatus.Published;
                break;
            case Intents.Unpublish:
                item.Status = ContentStatus.Draft;
                break;
            default:
                item.Status = ContentStatus.Draft;
                item.PublishAt = requested ?? item.PublishAt;
                break;
        }
    }

    private void AuditPublishing(ContentItem item, ContentStatus before, string? intent)
    {
        var action = intent switch
        {
            Intents.Publish => item.Status == ContentStatus.Scheduled ? AuditActions.Scheduled : AuditActions.Published,
            Intents.Unpublish when before != ContentStatus.Draft => AuditActions.Unpublished,
            _ => null,
        };
        if (action is not null)
        {
            audit.Add(Actor, action, item.Path, item.PublishAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string NoteFor(string? intent, ContentItem item) => intent switch
    {
        Intents.Publish => item.Status == ContentStatus.Scheduled ? "Scheduled" : "Published",
        Intents.Unpublish => "Unpublished",
        _ => "Saved draft",
    };

    private static List<DiffRow> Compare(string oldText, string newText)
    {
        var model = SideBySideDiffBuilder.Diff(oldText, newText);
        return model.OldText.Lines.Zip(model.NewText.Lines, (o, n) => new DiffRow(
            o.Position, o.Text, KindName(o.Type), n.Position, n.Text, KindName(n.Type))).ToList();
    }

    private static string KindName(ChangeType type) => type.ToString().ToLowerInvariant();

    private static ContentKind KindOf(string segment) =>
        ContentKinds.TryParseSegment(segment, out var kind) ? kind : throw new InvalidOperationException($"No kind '{segment}'.");
}

/// <summary>What the editor's buttons ask for.</summary>
public static class Intents
{
    public const string Draft = "draft";
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
    public const string Preview = "preview";
}
