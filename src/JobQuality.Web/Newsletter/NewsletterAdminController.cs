using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using JobQuality.Web.Accounts;
using JobQuality.Web.Data;
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
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                // An address such as "=cmd@example.org" must stay text when the file is opened in a spreadsheet.
                InjectionOptions = InjectionOptions.Escape,
            };
            await using var csv = new CsvWriter(writer, configuration);
            csv.Context.RegisterClassMap<SubscriberRowMap>();
            await csv.WriteRecordsAsync(rows, cancellationToken);
        }

        return File(buffer.ToArray(), "text/csv; charset=utf-8", "newsletter-subscribers.csv");
    }

    private sealed class SubscriberRowMap : ClassMap<SubscriberRow>
    {
        public SubscriberRowMap()
        {
            Map(r => r.Email).Index(0).Name("Email");
            Map(r => r.ConfirmedAt).Index(1).Name("ConfirmedAt")
                .Convert(args => args.Value.ConfirmedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
    }
}
