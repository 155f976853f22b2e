using JobQuality.Web.Accounts;
using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Newsletter;

/// <summary>How many subscribed, and the confirmed subscribers as a CSV file for the mailing tool.</summary>
[Authorize(Policy = Roles.Editors)]
[Route("admin/newsletter")]
public sealed class NewsletterAdminController(JobQualityDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var confirmed = await db.Subscribers.CountAsync(s => s.ConfirmedAt != null, cancellationToken);
        var awaiting = await db.Subscribers.CountAsync(s => s.ConfirmedAt == null, cancellationToken);
        return View("Admin", new NewsletterAdminPage(confirmed, awaiting));
    }

    [HttpGet("subscribers.csv")]
    public async Task<IActionResult> Subscribers(CancellationToken cancellationToken)
    {
        var rows = await db.Subscribers.AsNoTracking()
            .Where(s => s.ConfirmedAt != null)
            .OrderBy(s => s.ConfirmedAt).ThenBy(s => s.Id)
            .Select(s => new SubscriberRow(s.Email, s.ConfirmedAt!.Value))
            .ToListAsync(cancellationToken);

        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, leaveOpen: true))
        {
            await CsvFile.WriteAsync(writer, rows, columns =>
            {
                columns.Map(r => r.Email).Index(0).Name("Email");
                columns.Map(r => r.ConfirmedAt).Index(1).Name("ConfirmedAt").Convert(args => CsvFile.Utc(args.Value.ConfirmedAt));
            }, cancellationToken);
        }

        return File(buffer.ToArray(), "text/csv; charset=utf-8", "newsletter-subscribers.csv");
    }
}
