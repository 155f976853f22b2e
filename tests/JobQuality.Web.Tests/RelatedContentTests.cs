using JobQuality.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Tests;

public sealed class RelatedContentTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    [Theory]
    [InlineData(ContentKind.Webinar)]
    [InlineData(ContentKind.ToolkitResource)]
    [InlineData(ContentKind.Research)]
    [InlineData(ContentKind.Exemplar)]
    public async Task A_detail_page_shows_items_of_the_other_kinds_on_its_dimensions_most_shared_first(ContentKind kind)
    {
        var now = SiteFactory.Today.UtcDateTime;
        var items = await site.WithDbAsync(db => db.Content.PublicAt(now)
            .Select(c => new { c.Kind, c.Slug, c.Title, c.PublishAt, Dimensions = c.Dimensions.Select(d => d.Slug).ToList() })
            .ToListAsync());
        var item = items.Where(i => i.Kind == kind).OrderByDescending(i => i.Dimensions.Count).ThenBy(i => i.Slug, StringComparer.Ordinal).First();

        var page = await _client.GetPageAsync(kind.PathFor(item.Slug));

        var expected = items.Where(i => i.Kind != kind)
            .Select(i => new { i, Shared = i.Dimensions.Intersect(item.Dimensions).Count() })
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared).ThenByDescending(x => x.i.PublishAt).ThenBy(x => x.i.Title, StringComparer.Ordinal)
            .Take(6)
            .Select(x => x.i.Kind.PathFor(x.i.Slug))
            .ToList();
        Assert.InRange(expected.Count, 3, 6);
        Assert.Equal(expected, page.CardLinks(".related"));
        Assert.Equal("Related on the same dimensions", page.QuerySelector(".related h2")!.TextContent);
    }

    [Fact]
    public async Task A_webinar_leads_to_the_tools_and_research_on_its_topic()
    {
        var webinar = await site.WithDbAsync(db => db.Webinars.Where(w => w.Dimensions.Any(d => d.Slug == "scheduling")).Select(w => w.Slug).FirstAsync());

        var links = (await _client.GetPageAsync("/webinars/" + webinar)).CardLinks(".related");

        Assert.Contains(links, l => l.StartsWith("/toolkit/", StringComparison.Ordinal) || l.StartsWith("/research/", StringComparison.Ordinal));
        Assert.DoesNotContain(links, l => l.StartsWith("/webinars/", StringComparison.Ordinal));
    }
}
