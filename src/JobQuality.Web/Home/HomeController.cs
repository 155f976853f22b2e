using System.Text.Json.Nodes;
using JobQuality.Web.Caching;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Home;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class HomeController(JobQualityDbContext db, TimeProvider clock, IOptions<SiteOptions> site) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = clock.UtcDateTime();
        var toolkit = db.ToolkitResources.PublicAt(now);
        return View(new HomePage
        {
            Exemplars = await db.Exemplars.PublicAt(now).Newest().Take(3).ToCardsAsync(cancellationToken),
            Webinars = await db.Webinars.PublicAt(now).Where(w => w.StartsUtc >= now).OrderBy(w => w.StartsUtc).Take(3)
                .ToCardsAsync(cancellationToken),
            Research = await db.Research.PublicAt(now).OrderByDescending(r => r.PublicationDate).Take(3)
                .ToCardsAsync(cancellationToken),
            Fields = await db.FieldsOfPractice.AsNoTracking().OrderBy(f => f.Position)
                .Select(f => new FieldEntry(f.Slug, f.Name, f.Description, toolkit.Count(r => r.Audiences.Any(a => a.Slug == f.Slug))))
                .ToListAsync(cancellationToken),
            Metadata = new PageMetadata
            {
                Title = PageMetadata.SiteName,
                Description = PageMetadata.SiteDescription,
                Path = "/",
                StructuredData = new JsonObject
                {
                    ["@type"] = "WebSite",
                    ["name"] = PageMetadata.SiteName,
                    ["description"] = PageMetadata.SiteDescription,
                    ["potentialAction"] = new JsonObject
                    {
                        ["@type"] = "SearchAction",
                        ["target"] = site.Value.Absolute("/search?q={search_term_string}"),
                        ["query-input"] = "required name=search_term_string",
                    },
                },
            },
        });
    }
}

public sealed class HomePage : IDescribedPage
{
    public required IReadOnlyList<ContentCard> Exemplars { get; init; }

    public required IReadOnlyList<ContentCard> Webinars { get; init; }

    public required IReadOnlyList<ContentCard> Research { get; init; }

    public required IReadOnlyList<FieldEntry> Fields { get; init; }

    public required PageMetadata Metadata { get; init; }
}

/// <summary>A field of practice as a way into the toolkit.</summary>
public sealed record FieldEntry(string Slug, string Name, string Description, int ResourceCount);
