using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Tests;

public sealed partial class FacetTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("wages", null, null)]
    [InlineData(null, "workforce-development", null)]
    [InlineData(null, null, "guide")]
    [InlineData("wages", "workforce-development", null)]
    [InlineData("equity-inclusion", null, "guide")]
    [InlineData(null, "policy", "tool")]
    [InlineData("wages", "business", "worksheet")]
    public async Task Each_toolkit_choice_counts_what_it_would_show_with_the_other_filters(string? dimension, string? audience, string? type)
    {
        var query = string.Join('&', new[] { ("dimension", dimension), ("audience", audience), ("type", type) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={p.Item2}"));
        var page = await _client.GetPageAsync("/toolkit?" + query);

        var resources = (await site.WithDbAsync(db => db.ToolkitResources
            .Select(r => new { r.Type, Dimensions = r.Dimensions.Select(d => d.Slug).ToList(), Audiences = r.Audiences.Select(a => a.Slug).ToList() })
            .ToListAsync()))
            .Select(r => new Resource(Content.EnumSlugs.ToSlug(r.Type), r.Dimensions, r.Audiences))
            .ToList();
        static bool Matches(string? d, string? a, string? t, Resource r) =>
            (d is null || r.Dimensions.Contains(d)) && (a is null || r.Audiences.Contains(a)) && (t is null || r.Type == t);

        foreach (var (slug, count) in Counts(page, "dimension"))
        {
            Assert.Equal(resources.Count(r => Matches(slug, audience, type, r)), count);
        }

        foreach (var (slug, count) in Counts(page, "audience"))
        {
            Assert.Equal(resources.Count(r => Matches(dimension, slug, type, r)), count);
        }

        foreach (var (slug, count) in Counts(page, "type"))
        {
            Assert.Equal(resources.Count(r => Matches(dimension, audience, slug, r)), count);
        }

        Assert.Equal(resources.Count(r => Matches(dimension, audience, type, r)), page.CardLinks().Count);
        Assert.Equal(8, Counts(page, "dimension").Count);
        Assert.Equal(7, Counts(page, "type").Count);
    }

    [Fact]
    public async Task The_selected_choices_stay_in_the_address_of_the_next_page_and_in_the_form()
    {
        var page = await _client.GetPageAsync("/toolkit?dimension=wages&type=guide");

        Assert.Equal("wages", page.QuerySelector("select[name='dimension'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("guide", page.QuerySelector("select[name='type'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("get", page.QuerySelector("form.filters")!.GetAttribute("method"));
    }

    [Fact]
    public async Task Exemplar_and_research_filters_count_their_choices_the_same_way_years_included()
    {
        var exemplars = await _client.GetPageAsync("/exemplars?type=person");
        var people = await site.WithDbAsync(db => db.Exemplars.Where(e => e.Profile == Exemplars.ExemplarProfile.Person)
            .Select(e => e.FieldSlug).ToListAsync());
        foreach (var (slug, count) in Counts(exemplars, "field"))
        {
            Assert.Equal(people.Count(f => f == slug), count);
        }

        var research = await _client.GetPageAsync("/research");
        var all = await site.WithDbAsync(db => db.Research.Select(r => r.Type).ToListAsync());
        foreach (var (slug, count) in Counts(research, "type"))
        {
            Assert.Equal(all.Count(t => Content.EnumSlugs.ToSlug(t) == slug), count);
        }

        var years = await site.WithDbAsync(db => db.Research.Where(r => r.PublicationDate != null)
            .Select(r => r.PublicationDate!.Value.Year).ToListAsync());
        Assert.NotEmpty(Counts(research, "year"));
        foreach (var (slug, count) in Counts(research, "year"))
        {
            Assert.Equal(years.Count(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture) == slug), count);
        }
    }

    [Fact]
    public async Task The_webinar_topics_count_upcoming_and_past_webinars_together()
    {
        var page = await _client.GetPageAsync("/webinars");

        var dimensions = await site.WithDbAsync(db => db.Webinars.SelectMany(w => w.Dimensions.Select(d => d.Slug)).ToListAsync());
        foreach (var (slug, count) in Counts(page, "dimension"))
        {
            Assert.Equal(dimensions.Count(d => d == slug), count);
        }
    }

    private static Dictionary<string, int> Counts(IDocument page, string filter) =>
        page.QuerySelectorAll($"select[name='{filter}'] option")
            .Where(o => o.GetAttribute("value") is { Length: > 0 })
            .ToDictionary(o => o.GetAttribute("value")!, o => int.Parse(CountPattern().Match(o.TextContent).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    private sealed record Resource(string Type, List<string> Dimensions, List<string> Audiences);

    [GeneratedRegex(@"\((\d+)\)\s*$")]
    private static partial Regex CountPattern();
}
