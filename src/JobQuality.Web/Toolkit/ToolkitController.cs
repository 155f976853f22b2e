using JobQuality.Web.Caching;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Toolkit;

[OutputCache(PolicyName = PublicPageCache.Policy)]
[Route("toolkit")]
public sealed class ToolkitController(JobQualityDbContext db, ListedContent listed, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? dimension, string? audience, string? type, int? page, CancellationToken cancellationToken)
    {
        var now = clock.UtcDateTime();
        var ofKind = await listed.OfAsync(db, ContentKind.ToolkitResource, cancellationToken);
        var (resources, filters) = ofKind.Filter(now,
            [
                new Facet(ListingFilters.Dimension(ofKind, dimension), ListedBy.Dimension),
                new Facet(ListingFilters.Field(ofKind, "audience", "Who it is for", audience), ListedBy.Field),
                new Facet(ListingFilters.Choice<ResourceType>("type", "Type of resource", type), ListedBy.Type),
            ]);

        return View("Listing", new ContentListing
        {
            Kind = ContentKind.ToolkitResource,
            Introduction = "Practical tools and guides for improving the quality of jobs. Choose the dimension you work on and your field to find what fits.",
            Results = await db.ToCardPageAsync(now, resources, page, ListingFilters.PageSize, cancellationToken),
            Filters = filters,
        });
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken)
    {
        var resource = await db.ToolkitResources.AsNoTracking().PublicAt(clock.UtcDateTime())
            .Include(r => r.Dimensions)
            .Include(r => r.Audiences)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        return View("ContentDetails", PageFor(resource));
    }

    /// <summary>The public page of resource; the editor's preview shows the same.</summary>
    internal static ContentPage PageFor(ToolkitResource resource) =>
        ContentPage.From(resource,
        [
            Fact.Of("Type", resource.Type.ToLabel(), $"/toolkit?type={resource.Type.ToSlug()}"),
            Fact.Of("Who it is for", resource.Audiences.OrderBy(a => a.Position)
                .Select(a => new FactValue(a.Name, $"/toolkit?audience={a.Slug}"))),
        ],
        [FactValue.Link("Open the resource", resource.Url)]);
}
