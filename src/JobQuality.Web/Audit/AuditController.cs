using JobQuality.Web.Accounts;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Audit;

/// <summary>Who did what, and when: sign-ins, publishing, archiving, account changes.</summary>
[Authorize(Policy = Roles.Admins)]
public sealed class AuditController(JobQualityDbContext db) : Controller
{
    private const int PageSize = 50;

    [HttpGet("admin/audit")]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        var total = await db.AuditEntries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page ?? 1, 1, pageCount);
        var entries = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
            .Skip((current - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.At, a.Actor, a.Action, a.Subject, a.Detail))
            .ToListAsync(cancellationToken);
        return View("AuditLog", new Paged<AuditRow>(entries, current, pageCount, total));
    }
}

public sealed record AuditRow(DateTime At, string Actor, string Action, string? Subject, string? Detail);
