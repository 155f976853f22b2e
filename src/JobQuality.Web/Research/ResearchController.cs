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
public sealed class ResearchController(JobQualityDbContext db, ListedContent listed, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? dimension, string? type, string? year, int? page, CancellationToken cancellationToken)
    {
        var now = clock.UtcDateTime();
        var research = await listed.OfAsync(db, ContentKind.Research, cancellationToken);
        var byYear = FilterChoice.Create("year", "Year", year, research.VisibleAt(now)
            .SelectMany(r => r.Year).Distinct().OrderDescending(StringComparer.Ordinal)
            .Select(y => new FilterOption(y, y)));

        var (publications, filters) = research.Filter(now,
            [
                new Facet(ListingFilters.Dimension(research, dimension), ListedBy.Dimension),
                new Facet(ListingFilters.Choice<ResearchType>("type", "Type of publication", type), ListedBy.Type),
                new Facet(byYear, ListedBy.Year),
            ]);
        return View("Listing", new ContentListing
        {
            Kind = ContentKind.Research,
            Introduction = "Reports, briefs, evaluations and data on what makes a job good, who holds one, and what works to improve the rest.",
            Results = await db.ToCardPageAsync(now, publications, page, ListingFilters.PageSize, cancellationToken),
            Filters = filters,
        });
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
