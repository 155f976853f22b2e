using JobQuality.Web.Caching;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Exemplars;

[OutputCache(PolicyName = PublicPageCache.Policy)]
[Route("exemplars")]
public sealed class ExemplarsController(JobQualityDbContext db, ListedContent listed, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? dimension, string? field, string? type, int? page, CancellationToken cancellationToken)
    {
        var now = clock.UtcDateTime();
        var ofKind = await listed.OfAsync(db, ContentKind.Exemplar, cancellationToken);
        var (exemplars, filters) = ofKind.Filter(now,
            [
                new Facet(ListingFilters.Dimension(ofKind, dimension), ListedBy.Dimension),
                new Facet(ListingFilters.Field(ofKind, "field", "Field of practice", field), ListedBy.Field),
                new Facet(ListingFilters.Choice<ExemplarProfile>("type", "Person or organization", type), ListedBy.Type),
            ]);

        return View("Listing", new ContentListing
        {
            Kind = ContentKind.Exemplar,
            Introduction = "People and organisations, across fields and places, who are making jobs better: what they did, how, and what others can take from it.",
            Results = await db.ToCardPageAsync(now, exemplars, page, ListingFilters.PageSize, cancellationToken),
            Filters = filters,
        });
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken)
    {
        var exemplar = await db.Exemplars.AsNoTracking().PublicAt(clock.UtcDateTime())
            .Include(e => e.Dimensions)
            .Include(e => e.Field)
            .SingleOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (exemplar is null)
        {
            return NotFound();
        }

        return View("ContentDetails", PageFor(exemplar));
    }

    /// <summary>The public page of exemplar; the editor's preview shows the same.</summary>
    internal static ContentPage PageFor(Exemplar exemplar) =>
        ContentPage.From(exemplar,
        [
            Fact.Of(exemplar.Profile == ExemplarProfile.Person ? "Works at" : "Organization", exemplar.Organization),
            Fact.Of("Location", exemplar.Location),
            exemplar.Field is { } f ? Fact.Of("Field of practice", f.Name, $"/exemplars?field={f.Slug}") : null,
            Fact.Of("Profile of", exemplar.Profile == ExemplarProfile.Person ? "A person" : "An organization"),
        ],
        [FactValue.Link("Visit their website", exemplar.Website)],
        exemplar.ImageUrl);
}
