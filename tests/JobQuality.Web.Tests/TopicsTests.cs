using JobQuality.Web.Content;
using JobQuality.Web.Research;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Tests;

public sealed class TopicsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    [Theory]
    [InlineData("wages")]
    [InlineData("scheduling")]
    [InlineData("worker-voice")]
    public async Task A_topic_shows_its_description_and_every_published_item_on_it_grouped_by_kind(string dimension)
    {
        await site.WithDbAsync(async db =>
        {
            if (!await db.Research.AnyAsync(r => r.Slug == "topic-draft"))
            {
                var wages = await db.Dimensions.SingleAsync(d => d.Slug == dimension);
                db.Add(new ResearchPublication
                {
                    Slug = "topic-draft", Title = "Draft", Summary = "Draft.", Status = ContentStatus.Draft, Dimensions = [wages],
                    CreatedAt = SiteFactory.Today.UtcDateTime, UpdatedAt = SiteFactory.Today.UtcDateTime,
                });
            }

            return await db.SaveChangesAsync();
        });

        var page = await _client.GetPageAsync("/topics/" + dimension);

        var description = await site.WithDbAsync(db => db.Dimensions.Where(d => d.Slug == dimension).Select(d => d.Description).SingleAsync());
        Assert.Equal(description, page.QuerySelector(".lead")!.TextContent);
        var expected = await site.WithDbAsync(db => db.Content.PublicAt(SiteFactory.Today.UtcDateTime)
            .Where(c => c.Dimensions.Any(d => d.Slug == dimension))
            .Select(c => new { c.Kind, c.Slug }).ToListAsync());
        Assert.NotEmpty(expected);
        foreach (var kind in ContentKinds.All)
        {
            var inKind = expected.Where(e => e.Kind == kind).Select(e => kind.PathFor(e.Slug)).Order(StringComparer.Ordinal).ToList();
            var section = page.QuerySelector($"section[aria-labelledby='group-{kind.Segment()}']");
            if (inKind.Count == 0)
            {
                Assert.Null(section);
                continue;
            }

            Assert.Equal(inKind, page.CardLinks($"section[aria-labelledby='group-{kind.Segment()}']").Order(StringComparer.Ordinal));
        }

        Assert.DoesNotContain("/research/topic-draft", page.CardLinks());
    }

    [Fact]
    public async Task The_topics_page_lists_every_dimension_with_its_count()
    {
        var page = await _client.GetPageAsync("/topics");

        var counts = await site.WithDbAsync(db => db.Dimensions.OrderBy(d => d.Position)
            .Select(d => new { d.Slug, Count = db.Content.PublicAt(SiteFactory.Today.UtcDateTime).Count(c => c.Dimensions.Any(x => x.Slug == d.Slug)) })
            .ToListAsync());
        var items = page.QuerySelectorAll(".topic-grid li");
        Assert.Equal(counts.Count, items.Length);
        for (var i = 0; i < counts.Count; i++)
        {
            Assert.Equal($"/topics/{counts[i].Slug}", items[i].QuerySelector("a")!.GetAttribute("href"));
            Assert.StartsWith($"{counts[i].Count} item", items[i].QuerySelector(".card-meta")!.TextContent, StringComparison.Ordinal);
        }
    }
}

/// <summary>The site as it would be configured in production, at a public address of its own.</summary>
public sealed class PublicAddressSite : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Site:BaseUrl", "https://jobquality.example.org/");
    }
}

public sealed class PublicAddressTests(PublicAddressSite site) : IClassFixture<PublicAddressSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Canonical_links_the_feed_the_sitemap_and_robots_use_the_configured_address()
    {
        var page = await _client.GetPageAsync("/toolkit");

        Assert.Equal("https://jobquality.example.org/toolkit", page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.Contains("Sitemap: https://jobquality.example.org/sitemap.xml", await _client.GetStringAsync("/robots.txt"), StringComparison.Ordinal);
        Assert.Contains("<loc>https://jobquality.example.org/toolkit</loc>", await _client.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("https://jobquality.example.org/feed.xml", await _client.GetStringAsync("/feed.xml"), StringComparison.Ordinal);
    }
}
