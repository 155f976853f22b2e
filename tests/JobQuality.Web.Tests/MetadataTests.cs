using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using JobQuality.Web.Content;
using JobQuality.Web.Exemplars;
using JobQuality.Web.Research;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Tests;

public sealed partial class MetadataTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task A_detail_page_has_a_canonical_link_a_description_from_its_summary_and_cards_for_sharing()
    {
        var item = await site.WithDbAsync(db => db.ToolkitResources.Select(r => new { r.Slug, r.Title, r.Summary }).FirstAsync());

        var page = await _client.GetPageAsync("/toolkit/" + item.Slug);

        Assert.Equal($"http://localhost:5180/toolkit/{item.Slug}", page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.Equal(item.Summary, Meta(page, "name", "description"));
        Assert.Equal(item.Title, Meta(page, "property", "og:title"));
        Assert.Equal(item.Summary, Meta(page, "property", "og:description"));
        Assert.Equal("article", Meta(page, "property", "og:type"));
        Assert.Equal($"http://localhost:5180/toolkit/{item.Slug}", Meta(page, "property", "og:url"));
        Assert.Equal("summary", Meta(page, "name", "twitter:card"));
        Assert.Equal(item.Title, Meta(page, "name", "twitter:title"));
    }

    [Theory]
    [InlineData("/", "WebSite")]
    [InlineData("/toolkit", "CollectionPage")]
    [InlineData("/webinars", "CollectionPage")]
    [InlineData("/topics", "CollectionPage")]
    [InlineData("/topics/wages", "CollectionPage")]
    public async Task Listings_and_the_home_page_describe_themselves(string path, string type)
    {
        var page = await _client.GetPageAsync(path);

        Assert.False(string.IsNullOrWhiteSpace(Meta(page, "name", "description")));
        Assert.Equal("http://localhost:5180" + path, page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.Equal(type, JsonLd(page).GetProperty("@type").GetString());
    }

    [Fact]
    public async Task A_webinar_is_an_online_event_with_start_and_end_times_that_carry_their_offset()
    {
        var webinar = await site.WithDbAsync(db => db.Webinars.Select(w => new { w.Slug, w.Title, w.DurationMinutes }).FirstAsync());

        var data = JsonLd(await _client.GetPageAsync("/webinars/" + webinar.Slug));

        Assert.Equal("Event", data.GetProperty("@type").GetString());
        Assert.Equal("https://schema.org", data.GetProperty("@context").GetString());
        Assert.Equal(webinar.Title, data.GetProperty("name").GetString());
        var start = data.GetProperty("startDate").GetString()!;
        var end = data.GetProperty("endDate").GetString()!;
        Assert.Matches(IsoWithOffset(), start);
        Assert.Matches(IsoWithOffset(), end);
        Assert.Equal(TimeSpan.FromMinutes(webinar.DurationMinutes), DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("https://schema.org/OnlineEventAttendanceMode", data.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("VirtualLocation", data.GetProperty("location").GetProperty("@type").GetString());
        Assert.Equal($"http://localhost:5180/webinars/{webinar.Slug}", data.GetProperty("location").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Research_is_a_report_or_a_scholarly_article_by_its_type()
    {
        var research = await site.WithDbAsync(db => db.Research.Select(r => new { r.Slug, r.Type }).ToListAsync());
        Assert.Contains(research, r => r.Type == ResearchType.Report);
        Assert.Contains(research, r => r.Type != ResearchType.Report);

        foreach (var publication in research)
        {
            var data = JsonLd(await _client.GetPageAsync("/research/" + publication.Slug));
            Assert.Equal(publication.Type == ResearchType.Report ? "Report" : "ScholarlyArticle", data.GetProperty("@type").GetString());
        }
    }

    [Fact]
    public async Task An_exemplar_is_a_person_or_an_organization_and_a_toolkit_resource_a_learning_resource()
    {
        var exemplars = await site.WithDbAsync(db => db.Exemplars.Select(e => new { e.Slug, e.Profile }).ToListAsync());
        Assert.Contains(exemplars, e => e.Profile == ExemplarProfile.Person);
        Assert.Contains(exemplars, e => e.Profile == ExemplarProfile.Organization);
        foreach (var exemplar in exemplars)
        {
            var data = JsonLd(await _client.GetPageAsync("/exemplars/" + exemplar.Slug));
            Assert.Equal(exemplar.Profile == ExemplarProfile.Person ? "Person" : "Organization", data.GetProperty("@type").GetString());
        }

        var resource = await site.WithDbAsync(db => db.ToolkitResources.Select(r => r.Slug).FirstAsync());
        Assert.Equal("LearningResource", JsonLd(await _client.GetPageAsync("/toolkit/" + resource)).GetProperty("@type").GetString());
    }

    [Fact]
    public async Task Markup_in_a_title_cannot_break_out_of_the_structured_data()
    {
        const string title = "</script><script>alert(1)</script> & \"quotes\"";
        await site.WithDbAsync(async db =>
        {
            db.Add(new ResearchPublication
            {
                Slug = "markup-title", Title = title, Summary = "A <b>summary</b>.", Status = ContentStatus.Published,
                PublishAt = SiteFactory.Today.UtcDateTime.AddDays(-1),
                CreatedAt = SiteFactory.Today.UtcDateTime, UpdatedAt = SiteFactory.Today.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        var response = await _client.GetAsync("/research/markup-title");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, html);
        var script = html[(html.IndexOf("<script type=\"application/ld+json\">", StringComparison.Ordinal) + 35)..];
        script = script[..script.IndexOf("</script>", StringComparison.Ordinal)];

        Assert.DoesNotContain("<", script, StringComparison.Ordinal);
        Assert.Equal(title, JsonDocument.Parse(script).RootElement.GetProperty("name").GetString());
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    private static string? Meta(IDocument page, string attribute, string name) =>
        page.QuerySelector($"head meta[{attribute}='{name}']")?.GetAttribute("content");

    private static JsonElement JsonLd(IDocument page) =>
        JsonDocument.Parse(page.QuerySelector("head script[type='application/ld+json']")!.TextContent).RootElement;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")]
    private static partial Regex IsoWithOffset();
}
