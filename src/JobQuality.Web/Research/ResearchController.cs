using System.Globalization;
using JobQuality.Web.Caching;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Research;

[OutputCache(PolicyName = PublicPageCache.Policy)]
[Route("research")]
public sealed class ResearchController(JobQualityDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? dimension, string? type, string? year, int? page, CancellationToken cancellationToken)
    {
        var now = clock.UtcDateTime();
        var years = await db.Research.PublicAt(now)
            .Where(r => r.PublicationDate != null)
            .Select(r => r.PublicationDate!.Value.Year)
            .Distinct()
            .ToListAsync(cancellationToken);
        var byYear = FilterChoice.Create("year", "Year", year, years.OrderDescending()
            .Select(y => y.ToString(CultureInfo.InvariantCulture))
            .Select(y => new FilterOption(y, y)));

        var (research, filters) = await db.Research.PublicAt(now).ApplyAsync<ResearchPublication>(
            [
                Facets.Terms<ResearchPublication, Topics.Dimension>(await ListingFilters.DimensionAsync(db, dimension, cancellationToken), r => r.Dimensions),
                Facets.Choice<ResearchPublication, ResearchType>(ListingFilters.Choice<ResearchType>("type", "Type of publication", type), r => r.Type),
                new Facet<ResearchPublication> { Choice = byYear, Apply = items => InYear(items, byYear.Selected) },
            ],
            cancellationToken);

        return View("Listing", new ContentListing
        {
            Kind = ContentKind.Research,
            Introduction = "Reports, briefs, evaluations and data on what makes a job good, who holds one, and what works to improve the rest.",
            Results = await research.OrderByDescending(r => r.PublicationDate).ThenBy(r => r.Title)
                .ToCardPageAsync(page, ListingFilters.PageSize, cancellationToken),
            Filters = filters,
        });
    }

    /// <summary>Publications of one year; a year that is not a number matches nothing.</summary>
    private static IQueryable<ResearchPublication> InYear(IQueryable<ResearchPublication> research, string? yearText)
    {
        if (yearText is null)
        {
            return research;
        }

        if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 0 and < 9999)
        {
            var from = new DateOnly(y, 1, 1);
            var to = from.AddYears(1);
            return research.Where(r => r.PublicationDate >= from && r.PublicationDate < to);
        }

        return research.Where(_ => false);
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken)
    {
        var publication = await db.Research.AsNoTracking().PublicAt(clock.UtcDateTime())
            .Include(r => r.Dimensions)
            .SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (publication is null)
        {
            return NotFound();
        }

        return View("ContentDetails", PageFor(publication));
    }

    /// <summary>The public page of publication; the editor's preview shows the same.</summary>
    internal static ContentPage PageFor(ResearchPublication publication) =>
        ContentPage.From(publication,
        [
            Fact.Of("Type", publication.Type.ToLabel(), $"/research?type={publication.Type.ToSlug()}"),
            Fact.Of("Authors", publication.Authors.Select(a => new FactValue(a))),
            Fact.Of("Published", publication.PublicationDate?.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)),
        ],
        [FactValue.Link("Download the PDF", publication.PdfUrl), FactValue.Link("Read the publication", publication.Url)]);
}
