using System.Globalization;
using System.Linq.Expressions;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using JobQuality.Web.Caching;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Feeds;

/// <summary>How the site is found: the Atom feed, the sitemap and robots.txt, all with absolute addresses.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class FeedsController(JobQualityDbContext db, TimeProvider clock, IOptions<SiteOptions> options) : Controller
{
    public const int FeedSize = 30;

    private SiteOptions Site => options.Value;

    [HttpGet("/feed.xml")]
    public async Task<IActionResult> Feed(CancellationToken cancellationToken)
    {
        var items = await db.Content.AsNoTracking().PublicAt(clock.UtcDateTime()).Newest().Take(FeedSize)
            .Select(c => new { c.Kind, c.Slug, c.Title, c.Summary, c.PublishAt, c.UpdatedAt })
            .ToListAsync(cancellationToken);

        var entries = items.Select(i =>
        {
            var url = Site.Absolute(i.Kind.PathFor(i.Slug));
            var published = Utc(i.PublishAt ?? i.UpdatedAt);
            var entry = new SyndicationItem(i.Title, i.Summary, new Uri(url), url, Latest(published, Utc(i.UpdatedAt)))
            {
                PublishDate = published,
            };
            entry.Categories.Add(new SyndicationCategory(i.Kind.SingularName()));
            return entry;
        }).ToList();

        var feed = new SyndicationFeed(PageMetadata.SiteName, PageMetadata.SiteDescription, new Uri(Site.Absolute("/")), Site.Absolute("/"),
            entries.Count == 0 ? clock.GetUtcNow() : entries.Max(e => e.LastUpdatedTime), entries);
        feed.Authors.Add(new SyndicationPerson { Name = PageMetadata.SiteName, Uri = Site.Absolute("/") });
        feed.Links.Add(new SyndicationLink(new Uri(Site.Absolute("/feed.xml")), "self", null, "application/atom+xml", 0));

        return Xml("application/atom+xml; charset=utf-8", writer => new Atom10FeedFormatter(feed).WriteTo(writer));
    }

    /// <summary>
    /// Every public page, with when what it shows last changed. Past the protocol's limit of 50,000
    /// addresses a file (<see cref="SiteOptions.UrlsPerSitemap"/>), this is an index of numbered
    /// sitemaps that share them out in the same order.
    /// </summary>
    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var plan = await SitemapPlanAsync(cancellationToken);
        if (plan.FileCount == 1)
        {
            return Urlset(await plan.EntriesAsync(1, cancellationToken));
        }

        var files = new List<(string Path, DateTime? Modified)>();
        for (var number = 1; number <= plan.FileCount; number++)
        {
            files.Add(($"/sitemap-{number}.xml", await plan.LastModifiedAsync(number, cancellationToken)));
        }

        return Locations("sitemapindex", "sitemap", files);
    }

    /// <summary>One of the numbered sitemaps the index lists; there are none while one file holds every page.</summary>
    [HttpGet("/sitemap-{number:int}.xml")]
    public async Task<IActionResult> SitemapFile(int number, CancellationToken cancellationToken)
    {
        var plan = await SitemapPlanAsync(cancellationToken);
        if (plan.FileCount == 1 || number < 1 || number > plan.FileCount)
        {
            return NotFound();
        }

        return Urlset(await plan.EntriesAsync(number, cancellationToken));
    }

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>An item's address and when what it shows last changed: its publishing time, or a later edit.</summary>
    private static readonly Expression<Func<ContentItem, SitemapEntry>> Stamped = c => new SitemapEntry
    {
        Kind = c.Kind,
        Slug = c.Slug,
        Modified = c.PublishAt > c.UpdatedAt ? c.PublishAt!.Value : c.UpdatedAt,
    };

    /// <summary>
    /// The sitemap's addresses in order, the listings first, then every public item by kind and
    /// address, and how they are shared out among files. Two queries: what each listing shows last
    /// changed comes from aggregates, so no item is read until its file is asked for.
    /// </summary>
    private async Task<SitemapPlan> SitemapPlanAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcDateTime();
        var publicItems = db.Content.AsNoTracking().PublicAt(now);
        var kinds = await publicItems.Select(Stamped).GroupBy(s => s.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count(), Modified = g.Max(s => s.Modified) })
            .ToListAsync(cancellationToken);
        var dimensions = await db.Dimensions.AsNoTracking().OrderBy(d => d.Position)
            .Select(d => new
            {
                d.Slug,
                Modified = publicItems.Where(c => c.Dimensions.Any(x => x.Slug == d.Slug)).Select(Stamped).Max(s => (DateTime?)s.Modified),
            })
            .ToListAsync(cancellationToken);

        var listings = new List<(string Path, DateTime? Modified)>
        {
            ("/", kinds.Max(k => (DateTime?)k.Modified)),
            ("/topics", dimensions.Max(d => d.Modified)),
        };
        listings.AddRange(ContentKinds.All.Select(k => ("/" + k.Segment(), kinds.Where(x => x.Kind == k).Max(x => (DateTime?)x.Modified))));
        listings.AddRange(dimensions.Select(d => ("/topics/" + d.Slug, d.Modified)));
        listings.Add(("/feedback", null));

        var items = publicItems.OrderBy(c => c.Kind).ThenBy(c => c.Slug).Select(Stamped);
        return new SitemapPlan(listings, kinds.Sum(k => k.Count), items, Math.Clamp(Site.UrlsPerSitemap, 1, SiteOptions.SitemapProtocolLimit));
    }

    private FileContentResult Urlset(IEnumerable<(string Path, DateTime? Modified)> pages) => Locations("urlset", "url", pages);

    /// <summary>A sitemap (<c>urlset</c> of <c>url</c>) or an index of them (<c>sitemapindex</c> of <c>sitemap</c>): both list addresses with their last change.</summary>
    private FileContentResult Locations(string list, string entry, IEnumerable<(string Path, DateTime? Modified)> locations) =>
        Xml("application/xml; charset=utf-8", writer =>
        {
            writer.WriteStartElement(list, SitemapNamespace);
            foreach (var (path, modified) in locations)
            {
                writer.WriteStartElement(entry, SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, Site.Absolute(path));
                if (modified is { } m)
                {
                    writer.WriteElementString("lastmod", SitemapNamespace, m.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });

    [HttpGet("/robots.txt")]
    public ContentResult Robots() => Content(
        $"""
        User-agent: *
        Disallow: /admin
        Disallow: /account
        Disallow: /search

        Sitemap: {Site.Absolute("/sitemap.xml")}

        """,
        "text/plain; charset=utf-8");

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static T Latest<T>(T a, T b)
        where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

    private FileContentResult Xml(string contentType, Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return File(buffer.ToArray(), contentType);
    }
}
