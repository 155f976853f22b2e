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
        var entries = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
            .Select(a => new AuditRow(a.At, a.Actor, a.Action, a.Subject, a.Detail))
            .ToPageAsync(page, PageSize, cancellationToken);
        return View("AuditLog", entries);
    }
}

public sealed record AuditRow(DateTime At, string Actor, string Action, string? Subject, string? Detail);
