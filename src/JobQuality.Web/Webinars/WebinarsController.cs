using System.Globalization;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Webinars;

[Route("webinars")]
public sealed class WebinarsController(JobQualityDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? dimension, int? page, CancellationToken cancellationToken)
    {
        var now = clock.UtcDateTime();
        var (webinars, filters) = await db.Webinars.PublicAt(now).ApplyAsync<Webinar>(
            [Facets.Terms<Webinar, Topics.Dimension>(await ListingFilters.DimensionAsync(db, dimension, cancellationToken), w => w.Dimensions)],
            cancellationToken);

        return View(new WebinarsIndex
        {
            Upcoming = await webinars.Where(w => w.StartsUtc >= now).OrderBy(w => w.StartsUtc).ToCardsAsync(cancellationToken),
            Past = await webinars.Where(w => w.StartsUtc < now).OrderByDescending(w => w.StartsUtc)
                .ToCardPageAsync(page, ListingFilters.PageSize, cancellationToken),
            Dimension = filters[0],
        });
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken)
    {
        var now = clock.UtcDateTime();
        var webinar = await db.Webinars.AsNoTracking().PublicAt(now)
            .Include(w => w.Dimensions)
            .SingleOrDefaultAsync(w => w.Slug == slug, cancellationToken);
        if (webinar is null)
        {
            return NotFound();
        }

        var past = webinar.StartsUtc < now;
        return View("ContentDetails", ContentPage.From(webinar,
            [
                Fact.Of(past ? "Took place" : "When", WebinarTimes.Describe(webinar.StartsUtc, webinar.TimeZone)),
                Fact.Of("Length", string.Create(CultureInfo.InvariantCulture, $"{webinar.DurationMinutes} minutes")),
                past ? null : Fact.Of("Seats", webinar.Capacity is { } seats
                    ? seats.ToString("N0", CultureInfo.InvariantCulture)
                    : "No limit"),
                Fact.Of("Speakers", webinar.Speakers.Select(s => new FactValue(s))),
            ],
            [
                FactValue.Link("Watch the recording", webinar.RecordingUrl),
                FactValue.Link("Download the slides", webinar.SlidesUrl),
                FactValue.Link("Read the transcript", webinar.TranscriptUrl),
            ]));
    }
}

public sealed class WebinarsIndex : IDescribedPage
{
    public required IReadOnlyList<ContentCard> Upcoming { get; init; }

    public required Paged<ContentCard> Past { get; init; }

    public required FilterChoice Dimension { get; init; }

    public PageMetadata Metadata => PageMetadata.Listing(
        "Job Quality in Practice webinars",
        "A webinar series for practitioners across fields: tools and approaches that work, the exemplars behind them, and peers doing the same work elsewhere.",
        "/webinars");
}
