using JobQuality.Web.Content;
using JobQuality.Web.Content.Files;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Tests;

public sealed class PublicPagesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    public static TheoryData<string, string> ContentFiles()
    {
        var data = new TheoryData<string, string>();
        var (files, problems) = ContentFileReader.ReadFolder(Repository.ContentPath, SiteFactory.Today.UtcDateTime);
        Assert.Empty(problems);
        foreach (var file in files)
        {
            data.Add(file.Item.Path, file.Item.Title);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ContentFiles))]
    public async Task Every_content_file_renders_at_its_route_with_its_title(string path, string title)
    {
        var page = await _client.GetPageAsync(path);

        Assert.Equal(title, page.H1());
        Assert.NotEmpty(page.QuerySelector(".prose")!.TextContent.Trim());
    }

    [Fact]
    public void The_seed_content_has_eight_of_each_kind_and_upcoming_and_past_webinars()
    {
        var (files, _) = ContentFileReader.ReadFolder(Repository.ContentPath, SiteFactory.Today.UtcDateTime);

        foreach (var kind in ContentKinds.All)
        {
            Assert.True(files.Count(f => f.Item.Kind == kind) >= 8, $"fewer than 8 {kind} files");
        }

        var webinars = files.Select(f => f.Item).OfType<Webinar>().ToList();
        Assert.True(webinars.Count(w => w.StartsUtc.Year >= 2027) >= 2);
        Assert.True(webinars.Count(w => w.StartsUtc < SiteFactory.Today.UtcDateTime && w.RecordingUrl is not null) >= 2);
    }

    [Theory]
    [InlineData("/", "Better jobs, built together")]
    [InlineData("/exemplars", "Exemplars")]
    [InlineData("/toolkit", "Toolkit")]
    [InlineData("/research", "Research")]
    [InlineData("/webinars", "Job Quality in Practice webinars")]
    [InlineData("/topics", "Dimensions of job quality")]
    [InlineData("/topics/scheduling", "Scheduling")]
    public async Task Each_section_has_its_page(string path, string heading)
    {
        var page = await _client.GetPageAsync(path);

        Assert.Equal(heading, page.H1());
        Assert.Single(page.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task The_home_page_shows_upcoming_webinars_research_exemplars_and_a_way_in_by_field()
    {
        var page = await _client.GetPageAsync("/");

        var webinarLinks = page.CardLinks("section[aria-labelledby='webinars-heading']");
        Assert.NotEmpty(webinarLinks);
        Assert.All(webinarLinks, l => Assert.StartsWith("/webinars/", l, StringComparison.Ordinal));
        Assert.NotEmpty(page.CardLinks("section[aria-labelledby='research-heading']"));
        Assert.NotEmpty(page.CardLinks("section[aria-labelledby='exemplars-heading']"));
        var fieldLinks = page.QuerySelectorAll(".field-grid a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/toolkit?audience=workforce-development", fieldLinks);
        Assert.Equal(7, fieldLinks.Count);
        Assert.Contains("8 million", page.QuerySelector(".projection table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webinars_are_split_into_upcoming_and_past_and_shown_in_their_own_time_zone()
    {
        var page = await _client.GetPageAsync("/webinars");
        var upcoming = page.CardLinks("section[aria-labelledby='upcoming']");
        var past = page.CardLinks("section[aria-labelledby='past']");

        var expectedUpcoming = await site.WithDbAsync(db => db.Webinars
            .Where(w => w.StartsUtc >= SiteFactory.Today.UtcDateTime).OrderBy(w => w.StartsUtc)
            .Select(w => "/webinars/" + w.Slug).ToListAsync());
        Assert.Equal(expectedUpcoming, upcoming);
        Assert.True(past.Count >= 2);
        Assert.Empty(upcoming.Intersect(past));

        var webinar = await site.WithDbAsync(db => db.Webinars.FirstAsync(w => w.StartsUtc >= SiteFactory.Today.UtcDateTime));
        var detail = await _client.GetPageAsync("/webinars/" + webinar.Slug);
        var local = WebinarTimes.InZone(webinar.StartsUtc, webinar.TimeZone);
        var facts = detail.QuerySelector(".facts")!.TextContent;
        Assert.Contains(webinar.TimeZone, facts, StringComparison.Ordinal);
        Assert.Contains(local.ToString("h:mm tt", System.Globalization.CultureInfo.InvariantCulture), facts, StringComparison.Ordinal);
        Assert.Contains("UTC" + WebinarTimes.FormatOffset(local.Offset), facts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_past_webinar_offers_its_recording_slides_and_transcript()
    {
        var webinar = await site.WithDbAsync(db => db.Webinars
            .FirstAsync(w => w.StartsUtc < SiteFactory.Today.UtcDateTime && w.RecordingUrl != null));

        var page = await _client.GetPageAsync("/webinars/" + webinar.Slug);

        var actions = page.QuerySelectorAll(".actions a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Watch the recording", webinar.RecordingUrl), actions);
    }

    [Fact]
    public async Task Details_link_each_dimension_to_its_topic_page()
    {
        var page = await _client.GetPageAsync("/research/will-future-jobs-support-a-family");

        var topics = page.QuerySelectorAll(".topic-links a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/topics/wages", topics);
        foreach (var topic in topics)
        {
            await _client.GetPageAsync(topic!);
        }
    }

    [Theory]
    [InlineData("/exemplars/no-such-profile")]
    [InlineData("/toolkit/no-such-tool")]
    [InlineData("/research/no-such-report")]
    [InlineData("/webinars/no-such-webinar")]
    [InlineData("/topics/no-such-topic")]
    [InlineData("/no/such/page")]
    public async Task An_unknown_address_gives_a_friendly_not_found_page(string path)
    {
        var page = await _client.GetPageAsync(path, expectedStatus: 404);

        Assert.Equal("We could not find that page", page.H1());
        Assert.NotNull(page.QuerySelector("a[href='/toolkit']"));
    }

    [Fact]
    public async Task Health_answers_ok_while_the_database_answers()
    {
        var response = await _client.GetAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
