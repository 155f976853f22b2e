using System.Globalization;
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

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var items = await db.Content.AsNoTracking().PublicAt(clock.UtcDateTime()).OrderBy(c => c.Kind).ThenBy(c => c.Slug)
            .Select(c => new { c.Kind, c.Slug, c.PublishAt, c.UpdatedAt, Dimensions = c.Dimensions.Select(d => d.Slug).ToList() })
            .ToListAsync(cancellationToken);
        var dimensions = await db.Dimensions.AsNoTracking().OrderBy(d => d.Position).Select(d => d.Slug).ToListAsync(cancellationToken);

        var pages = items.Select(i => (Path: i.Kind.PathFor(i.Slug), Modified: (DateTime?)Latest(i.PublishAt ?? i.UpdatedAt, i.UpdatedAt))).ToList();
        DateTime? LatestOf(Func<ContentKind, bool> kind, Func<IReadOnlyList<string>, bool> dimension) =>
            items.Where(i => kind(i.Kind) && dimension(i.Dimensions))
                .Select(i => (DateTime?)Latest(i.PublishAt ?? i.UpdatedAt, i.UpdatedAt)).Max();

        var listings = new List<(string Path, DateTime? Modified)>
        {
            ("/", LatestOf(_ => true, _ => true)),
            ("/topics", LatestOf(_ => true, d => d.Count > 0)),
        };
        listings.AddRange(ContentKinds.All.Select(k => ("/" + k.Segment(), LatestOf(kind => kind == k, _ => true))));
        listings.AddRange(dimensions.Select(d => ("/topics/" + d, LatestOf(_ => true, ds => ds.Contains(d)))));
        listings.Add(("/feedback", null));

        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        return Xml("application/xml; charset=utf-8", writer =>
        {
            writer.WriteStartElement("urlset", ns);
            foreach (var (path, modified) in listings.Concat(pages))
            {
                writer.WriteStartElement("url", ns);
                writer.WriteElementString("loc", ns, Site.Absolute(path));
                if (modified is { } m)
                {
                    writer.WriteElementString("lastmod", ns, m.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

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
