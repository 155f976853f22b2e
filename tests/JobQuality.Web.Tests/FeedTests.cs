using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using JobQuality.Web.Content;
using JobQuality.Web.Research;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Tests;

public sealed class FeedTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task The_feed_is_atom_that_a_feed_library_reads_with_the_latest_items_of_every_kind()
    {
        var response = await _client.GetAsync("/feed.xml");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);

        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);

        var publicCount = await site.WithDbAsync(db => db.Content.PublicAt(SiteFactory.Today.UtcDateTime).CountAsync());
        Assert.True(publicCount >= 20);
        var entries = feed.Items.ToList();
        Assert.InRange(entries.Count, 20, publicCount);
        Assert.All(entries, e =>
        {
            Assert.True(e.Links.Single().Uri.IsAbsoluteUri);
            Assert.StartsWith("http://localhost:5180/", e.Id, StringComparison.Ordinal);
            Assert.NotEqual(default, e.LastUpdatedTime);
        });
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());
        Assert.Equal(entries.OrderByDescending(e => e.PublishDate).Select(e => e.Id), entries.Select(e => e.Id));
        Assert.Equal(4, entries.SelectMany(e => e.Categories).Select(c => c.Name).Distinct().Count());
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsoluteUri == "http://localhost:5180/feed.xml");
    }

    [Fact]
    public async Task Every_page_advertises_the_feed_in_its_head()
    {
        var page = await _client.GetPageAsync("/research");

        var link = page.QuerySelector("head link[rel='alternate'][type='application/atom+xml']")!;
        Assert.Equal("http://localhost:5180/feed.xml", link.GetAttribute("href"));
    }

    [Fact]
    public async Task The_sitemap_lists_every_published_page_and_no_draft_or_scheduled_item()
    {
        await site.WithDbAsync(async db =>
        {
            db.Add(new ResearchPublication
            {
                Slug = "sitemap-draft", Title = "Draft", Summary = "Draft.", Status = ContentStatus.Draft,
                CreatedAt = SiteFactory.Today.UtcDateTime, UpdatedAt = SiteFactory.Today.UtcDateTime,
            });
            db.Add(new ResearchPublication
            {
                Slug = "sitemap-scheduled", Title = "Scheduled", Summary = "Later.", Status = ContentStatus.Scheduled,
                PublishAt = SiteFactory.Today.UtcDateTime.AddDays(30),
                CreatedAt = SiteFactory.Today.UtcDateTime, UpdatedAt = SiteFactory.Today.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        var xml = XDocument.Parse(await _client.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = xml.Root!.Elements(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")?.Value);

        var published = await site.WithDbAsync(db => db.Content.PublicAt(SiteFactory.Today.UtcDateTime)
            .Select(c => new { c.Kind, c.Slug }).ToListAsync());
        Assert.All(published, p => Assert.NotNull(urls[$"http://localhost:5180{p.Kind.PathFor(p.Slug)}"]));
        foreach (var path in new[] { "/", "/exemplars", "/toolkit", "/research", "/webinars", "/topics", "/topics/wages", "/topics/worker-voice" })
        {
            Assert.Contains($"http://localhost:5180{path}", urls.Keys);
        }

        Assert.DoesNotContain("http://localhost:5180/research/sitemap-draft", urls.Keys);
        Assert.DoesNotContain("http://localhost:5180/research/sitemap-scheduled", urls.Keys);
        Assert.All(urls.Values.OfType<string>(), m => Assert.True(DateTimeOffset.TryParse(m, System.Globalization.CultureInfo.InvariantCulture, out _)));
        Assert.Equal(published.Count, urls.Keys.Count(k => ContentKinds.All.Any(kind => k.Contains($"/{kind.Segment()}/", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task While_one_file_holds_every_page_there_are_no_numbered_sitemaps()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/sitemap-1.xml")).StatusCode);
    }

    [Fact]
    public async Task Robots_points_to_the_sitemap_and_keeps_crawlers_out_of_the_editor_area()
    {
        var response = await _client.GetAsync("/robots.txt");
        var robots = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = robots.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("Sitemap: http://localhost:5180/sitemap.xml", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /account", lines);
        Assert.Contains("User-agent: *", lines);
    }
}

/// <summary>A site whose sitemap files hold ten addresses each, so that the seed content needs several.</summary>
public sealed class SplitSitemapSite : SiteFactory
{
    public const int PerFile = 10;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Site:UrlsPerSitemap", PerFile.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class SplitSitemapTests(SplitSitemapSite site) : IClassFixture<SplitSitemapSite>
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Past_the_limit_the_sitemap_is_an_index_of_files_that_list_every_page_once()
    {
        var client = site.CreateClient();
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        Assert.Equal(Ns + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Ns + "sitemap")
            .Select(s => (Loc: s.Element(Ns + "loc")!.Value, Modified: s.Element(Ns + "lastmod")?.Value))
            .ToList();

        var urls = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            Assert.Equal($"http://localhost:5180/sitemap-{i + 1}.xml", files[i].Loc);
            var file = XDocument.Parse(await client.GetStringAsync(new Uri(files[i].Loc).PathAndQuery));
            Assert.Equal(Ns + "urlset", file.Root!.Name);
            var entries = file.Root.Elements(Ns + "url").ToList();
            Assert.InRange(entries.Count, 1, SplitSitemapSite.PerFile);
            Assert.Equal(entries.Max(e => e.Element(Ns + "lastmod")?.Value), files[i].Modified);
            urls.AddRange(entries.Select(e => e.Element(Ns + "loc")!.Value));
        }

        var published = await site.WithDbAsync(db => db.Content.PublicAt(SiteFactory.Today.UtcDateTime)
            .Select(c => new { c.Kind, c.Slug }).ToListAsync());
        var listings = new[] { "/", "/topics", "/exemplars", "/toolkit", "/research", "/webinars", "/topics/wages", "/feedback" };
        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.Equal((urls.Count + SplitSitemapSite.PerFile - 1) / SplitSitemapSite.PerFile, files.Count);
        Assert.True(files.Count > 2);
        Assert.All(published, p => Assert.Contains($"http://localhost:5180{p.Kind.PathFor(p.Slug)}", urls));
        Assert.All(listings, path => Assert.Contains($"http://localhost:5180{path}", urls));
        Assert.Equal("http://localhost:5180/", urls[0]);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemap-0.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sitemap-{files.Count + 1}.xml")).StatusCode);
    }
}
