using JobQuality.Web.Research;
using JobQuality.Web.Toolkit;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Tests;

public sealed class ListingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    [Theory]
    [InlineData("business", null, null)]
    [InlineData(null, "wages", null)]
    [InlineData(null, null, "guide")]
    [InlineData("workforce-development", "wages", null)]
    [InlineData("workforce-development", null, "tool")]
    [InlineData("policy", "equity-inclusion", "guide")]
    public async Task Toolkit_filters_combine_and_show_exactly_the_matching_resources(string? audience, string? dimension, string? type)
    {
        var query = string.Join('&', new[] { ("audience", audience), ("dimension", dimension), ("type", type) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={p.Item2}"));

        var page = await _client.GetPageAsync("/toolkit?" + query);

        var expected = await site.WithDbAsync(db => db.ToolkitResources
            .Where(r => audience == null || r.Audiences.Any(a => a.Slug == audience))
            .Where(r => dimension == null || r.Dimensions.Any(d => d.Slug == dimension))
            .Where(r => type == null || r.Type == (type == "guide" ? ResourceType.Guide : ResourceType.Tool))
            .Select(r => "/toolkit/" + r.Slug).ToListAsync());
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), page.CardLinks().Order());
        if (audience is not null)
        {
            Assert.Equal(audience, page.QuerySelector("select[name='audience'] option[selected]")?.GetAttribute("value"));
        }
    }

    /// <summary>
    /// Every list of cards shows a card's dimensions by name and in the dimensions' own order (not
    /// the order the content file gives them in), whichever way the list reads them: listings from
    /// their copies in memory, topic pages from the database.
    /// </summary>
    [Theory]
    [InlineData("/research")]
    [InlineData("/research?dimension=scheduling")]
    [InlineData("/topics/wages")]
    public async Task A_card_shows_its_dimensions_in_their_order(string path)
    {
        var page = await _client.GetPageAsync(path);

        var card = page.QuerySelectorAll("main article")
            .Single(a => a.QuerySelector(".card-title a")?.GetAttribute("href") == "/research/raise-the-floor-and-build-ladders");
        Assert.Equal(
            ["Wages", "Scheduling", "Skills and advancement", "Supportive environment"],
            card.QuerySelectorAll(".tags li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Exemplars_filter_by_field_of_practice_and_profile()
    {
        var people = await _client.GetPageAsync("/exemplars?type=person");
        var expectedPeople = await site.WithDbAsync(db => db.Exemplars.Where(e => e.Profile == Exemplars.ExemplarProfile.Person)
            .Select(e => "/exemplars/" + e.Slug).ToListAsync());
        Assert.NotEmpty(expectedPeople);
        Assert.Equal(expectedPeople.Order(), people.CardLinks().Order());

        var business = await _client.GetPageAsync("/exemplars?field=business");
        var expectedBusiness = await site.WithDbAsync(db => db.Exemplars.Where(e => e.FieldSlug == "business")
            .Select(e => "/exemplars/" + e.Slug).ToListAsync());
        Assert.NotEmpty(expectedBusiness);
        Assert.Equal(expectedBusiness.Order(), business.CardLinks().Order());
    }

    [Fact]
    public async Task Research_filters_by_year_and_type()
    {
        var year = await site.WithDbAsync(db => db.Research.Select(r => r.PublicationDate!.Value.Year).FirstAsync());

        var page = await _client.GetPageAsync($"/research?year={year}");
        var expected = await site.WithDbAsync(db => db.Research
            .Where(r => r.PublicationDate >= new DateOnly(year, 1, 1) && r.PublicationDate < new DateOnly(year + 1, 1, 1))
            .Select(r => "/research/" + r.Slug).ToListAsync());
        Assert.Equal(expected.Order(), page.CardLinks().Order());

        var briefs = await _client.GetPageAsync("/research?type=brief");
        var expectedBriefs = await site.WithDbAsync(db => db.Research.Where(r => r.Type == ResearchType.Brief)
            .Select(r => "/research/" + r.Slug).ToListAsync());
        Assert.NotEmpty(expectedBriefs);
        Assert.Equal(expectedBriefs.Order(), briefs.CardLinks().Order());
    }

    [Theory]
    [InlineData("/toolkit?page=abc")]
    [InlineData("/toolkit?page=-4")]
    [InlineData("/toolkit?page=99999999999999")]
    [InlineData("/toolkit?page=1.5")]
    [InlineData("/research?year=abcd")]
    [InlineData("/research?year=-1")]
    [InlineData("/exemplars?type=robot")]
    [InlineData("/webinars?page=0&dimension=")]
    [InlineData("/toolkit?dimension=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/toolkit?audience=a&audience=b")]
    public async Task Malformed_or_out_of_range_parameters_still_give_a_page(string url)
    {
        var response = await _client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_filter_value_that_names_nothing_says_so_and_lists_nothing()
    {
        var page = await _client.GetPageAsync("/toolkit?type=spaceship");

        Assert.Empty(page.CardLinks());
        Assert.Contains("spaceship", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>A site whose content folder holds 30 toolkit resources and nothing else.</summary>
public sealed class ManyResourcesSite : SiteFactory
{
    private readonly string _content;

    public ManyResourcesSite()
    {
        _content = Path.Combine(Folder, "content");
        var toolkit = Directory.CreateDirectory(Path.Combine(_content, "toolkit")).FullName;
        for (var i = 1; i <= 30; i++)
        {
            File.WriteAllText(Path.Combine(toolkit, $"resource-{i:00}.md"),
                $"---\ntitle: Resource {i:00}\nsummary: Number {i}.\ntype: tool\npublished: 2025-01-{i:00}\n---\n\nBody {i}.\n");
        }
    }

    public override string ContentPath => _content;
}

public sealed class PaginationTests(ManyResourcesSite site) : IClassFixture<ManyResourcesSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Pages_hold_twelve_newest_first_and_link_to_each_other()
    {
        var first = await _client.GetPageAsync("/toolkit");
        Assert.Equal(12, first.CardLinks().Count);
        Assert.Equal("/toolkit/resource-30", first.CardLinks()[0]);
        Assert.Equal("Showing 1–12 of 30", first.QuerySelector(".results-count")!.TextContent.Trim());
        Assert.Equal("/toolkit?page=2", first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href"));

        var third = await _client.GetPageAsync("/toolkit?page=3");
        Assert.Equal(6, third.CardLinks().Count);
        Assert.Equal("/toolkit/resource-01", third.CardLinks()[^1]);
        Assert.Null(third.QuerySelector(".pager a[rel='next']"));
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page_and_one_before_the_start_the_first()
    {
        Assert.Equal(
            (await _client.GetPageAsync("/toolkit?page=3")).CardLinks(),
            (await _client.GetPageAsync("/toolkit?page=40")).CardLinks());
        Assert.Equal(
            (await _client.GetPageAsync("/toolkit")).CardLinks(),
            (await _client.GetPageAsync("/toolkit?page=0")).CardLinks());
    }

    [Fact]
    public async Task Page_links_keep_the_filters()
    {
        var page = await _client.GetPageAsync("/toolkit?type=tool");

        Assert.Equal("/toolkit?type=tool&page=2", page.QuerySelector(".pager a[rel='next']")!.GetAttribute("href"));
    }
}
