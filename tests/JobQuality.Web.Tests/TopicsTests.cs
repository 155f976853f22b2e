using System.Globalization;
using JobQuality.Web.Content;
using JobQuality.Web.Research;
using JobQuality.Web.Topics;
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
    public async Task A_topic_shows_its_description_and_the_newest_published_items_on_it_grouped_by_kind_with_a_link_to_all(string dimension)
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

        var topic = await site.WithDbAsync(db => db.Dimensions.Where(d => d.Slug == dimension).Select(d => new { d.Name, d.Description }).SingleAsync());
        Assert.Equal(topic.Description, page.QuerySelector(".lead")!.TextContent);
        var expected = await site.WithDbAsync(db => db.Content.PublicAt(SiteFactory.Today.UtcDateTime)
            .Where(c => c.Dimensions.Any(d => d.Slug == dimension))
            .OrderByDescending(c => c.PublishAt)
            .Select(c => new { c.Kind, c.Slug, c.Title, c.PublishAt }).ToListAsync());
        Assert.NotEmpty(expected);
        foreach (var kind in ContentKinds.All)
        {
            var group = $"section[aria-labelledby='group-{kind.Segment()}']";
            var inKind = expected.Where(e => e.Kind == kind)
                .OrderByDescending(e => e.PublishAt).ThenBy(e => e.Title, StringComparer.Ordinal)
                .Select(e => kind.PathFor(e.Slug)).ToList();
            var section = page.QuerySelector(group);
            if (inKind.Count == 0)
            {
                Assert.Null(section);
                continue;
            }

            // The newest first, as many as the topic shows of a kind.
            Assert.Equal(inKind.Take(TopicsController.NewestOfEachKind), page.CardLinks(group));
            var all = section!.QuerySelectorAll("a").SingleOrDefault(a => a.GetAttribute("href") == $"/{kind.Segment()}?dimension={dimension}");
            if (inKind.Count <= TopicsController.NewestOfEachKind)
            {
                Assert.Null(all);
                continue;
            }

            // More than that: a link to the kind's listing on the topic, which holds every one of them.
            Assert.NotNull(all);
            Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"All {inKind.Count:N0} "), all.TextContent, StringComparison.Ordinal);
            Assert.EndsWith($" on {topic.Name}", all.TextContent, StringComparison.Ordinal);
            var listing = await _client.GetPageAsync(all.GetAttribute("href")!);
            var listed = listing.CardLinks().Where(l => l.StartsWith($"/{kind.Segment()}/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(listed);
            Assert.Subset(inKind.ToHashSet(), listed.ToHashSet());
            if (listing.QuerySelector(".results-count") is { } total)
            {
                Assert.EndsWith($" of {inKind.Count}", total.TextContent.Trim(), StringComparison.Ordinal);
            }
            else
            {
                // The webinars' listing: upcoming and past, every one of them at this size.
                Assert.Equal(inKind.Count, listed.Count);
            }
        }

        Assert.DoesNotContain("/research/topic-draft", page.CardLinks());
    }

    [Fact]
    public async Task A_topic_shows_at_most_six_of_a_kind_and_links_each_kind_with_more_to_its_listing_on_the_topic()
    {
        // Wages has more exemplars, resources and webinars in the seed content than a topic shows of each.
        var page = await _client.GetPageAsync("/topics/wages");

        Assert.All(page.QuerySelectorAll("main section .cards"), cards => Assert.InRange(cards.Children.Length, 1, TopicsController.NewestOfEachKind));
        var links = page.QuerySelectorAll("main section p a").ToList();
        Assert.Contains(links, a => a.GetAttribute("href") == "/toolkit?dimension=wages" && a.TextContent.EndsWith(" toolkit resources on Wages", StringComparison.Ordinal));
        Assert.All(links, a =>
        {
            Assert.Matches(@"^/(exemplars|toolkit|research|webinars)\?dimension=wages$", a.GetAttribute("href")!);
            Assert.Matches(@"^All \d+ .+ on Wages$", a.TextContent);
        });
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
