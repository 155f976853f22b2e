using System.Net;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using JobQuality.Web.Search;
using JobQuality.Web.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace JobQuality.Web.Tests;

/// <summary>A site whose content is a small, known set of items for checking how search ranks.</summary>
public sealed class SearchSite : SiteFactory
{
    private readonly string _content;

    public SearchSite()
    {
        _content = Path.Combine(Folder, "content");
        Write("toolkit/zephyr-in-title.md", "title: Zephyr scheduling guide\nsummary: How to plan shifts.\ntype: guide\npublished: 2025-01-01", "Plain words.");
        Write("research/zephyr-in-summary.md", "title: A short report\nsummary: What the zephyr teaches us.\ntype: report\npublished: 2025-01-02", "Plain words.");
        Write("webinars/zephyr-in-body.md", "title: An online session\nsummary: A talk.\nstarts: 2025-03-01T14:00:00-05:00\ntimezone: America/New_York\npublished: 2025-01-03", "Somewhere in here a zephyr appears.");
        Write("exemplars/both-terms-in-body.md", "title: A profile\nsummary: Someone at work.\nkind: person\npublished: 2025-01-04", "A zephyr met a quokka.");
        Write("toolkit/quokka-in-title.md", "title: Quokka checklist\nsummary: A list.\ntype: checklist\npublished: 2025-01-05", "Plain words.");
        Write("toolkit/zephyr-draft.md", "title: Zephyr draft\nsummary: Not yet.\ntype: tool\nstatus: draft", "Zephyr.");
        Write("toolkit/zephyr-scheduled.md", "title: Zephyr later\nsummary: Not yet.\ntype: tool\npublished: 2027-06-01", "Zephyr.");
        Write("research/cafe-zurich.md", "title: Café équipe in Zürich\nsummary: Straße and naïve résumé.\ntype: brief\npublished: 2025-01-06", "Plain words.");
    }

    public override string ContentPath => _content;

    private void Write(string path, string frontMatter, string body)
    {
        var full = Path.Combine(_content, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, $"---\n{frontMatter}\n---\n\n{body}\n");
    }
}

public sealed class SearchTests(SearchSite site) : IClassFixture<SearchSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task A_title_match_ranks_above_a_summary_match_above_a_body_match()
    {
        var page = await _client.GetPageAsync("/search?q=zephyr");

        Assert.Equal(
            ["/toolkit/zephyr-in-title", "/research/zephyr-in-summary", "/exemplars/both-terms-in-body", "/webinars/zephyr-in-body"],
            page.CardLinks());
    }

    [Fact]
    public async Task Items_with_every_term_come_before_items_with_some()
    {
        var page = await _client.GetPageAsync("/search?q=quokka+zephyr");

        var links = page.CardLinks();
        Assert.Equal("/exemplars/both-terms-in-body", links[0]);
        Assert.Equal(["/exemplars/both-terms-in-body", "/research/zephyr-in-summary", "/toolkit/quokka-in-title", "/toolkit/zephyr-in-title", "/webinars/zephyr-in-body"],
            links.Order(StringComparer.Ordinal));
        Assert.Equal(5, links.Count);
    }

    [Fact]
    public async Task Drafts_and_scheduled_items_are_never_found()
    {
        var links = (await _client.GetPageAsync("/search?q=zephyr")).CardLinks();

        Assert.DoesNotContain("/toolkit/zephyr-draft", links);
        Assert.DoesNotContain("/toolkit/zephyr-scheduled", links);
    }

    [Fact]
    public async Task The_kind_filter_narrows_the_results_and_every_kind_shows_its_count()
    {
        var page = await _client.GetPageAsync("/search?q=zephyr&kind=research");

        Assert.Equal(["/research/zephyr-in-summary"], page.CardLinks());
        string Count(string kind) => page.QuerySelector($".kind-filter a[data-kind='{kind}'] .count")!.TextContent;
        Assert.Equal("(1)", Count("exemplars"));
        Assert.Equal("(1)", Count("toolkit"));
        Assert.Equal("(1)", Count("research"));
        Assert.Equal("(1)", Count("webinars"));
        Assert.Equal("All (4)", page.QuerySelector(".kind-filter li:first-child a")!.TextContent.Trim());
        Assert.Equal("page", page.QuerySelector(".kind-filter a[data-kind='research']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Matching_words_are_marked_in_the_title_and_the_passage()
    {
        var page = await _client.GetPageAsync("/search?q=zephyr");

        var first = page.QuerySelectorAll(".search-result")[0];
        Assert.Equal("Zephyr", first.QuerySelector(".card-title mark")!.TextContent);
        var body = page.QuerySelectorAll(".search-result").Single(r => r.QuerySelector("a")!.GetAttribute("href") == "/webinars/zephyr-in-body");
        Assert.Equal("zephyr", body.QuerySelector(".snippet mark")!.TextContent);
        Assert.Contains("Somewhere in here a zephyr appears.", body.QuerySelector(".snippet")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cafe")]
    [InlineData("CAFÉ")]
    [InlineData("zurich")]
    [InlineData("Zürich")]
    [InlineData("equipe")]
    [InlineData("strasse")]
    [InlineData("naive resume")]
    public async Task Case_and_diacritics_do_not_matter(string query)
    {
        var page = await _client.GetPageAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(["/research/cafe-zurich"], page.CardLinks());
    }

    [Fact]
    public async Task A_word_finds_the_longer_words_it_begins()
    {
        var page = await _client.GetPageAsync("/search?q=zeph");

        Assert.Equal(4, page.CardLinks().Count);
    }

    [Fact]
    public async Task Results_are_paged_with_links_that_keep_the_query()
    {
        await site.WithDbAsync(async db =>
        {
            for (var i = 0; i < 12; i++)
            {
                db.Add(new Toolkit.ToolkitResource
                {
                    Slug = $"paging-{i:00}", Title = $"Pagination marker {i:00}", Summary = "Pages.", Body = "Body.",
                    Status = ContentStatus.Published, PublishAt = SiteFactory.Today.UtcDateTime.AddDays(-1 - i),
                    CreatedAt = SiteFactory.Today.UtcDateTime, UpdatedAt = SiteFactory.Today.UtcDateTime,
                });
            }

            return await db.SaveChangesAsync();
        });

        var first = await _client.GetPageAsync("/search?q=pagination+marker");
        Assert.Equal(10, first.CardLinks().Count);
        Assert.Equal("/search?q=pagination%20marker&page=2", first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href"));
        var second = await _client.GetPageAsync("/search?q=pagination%20marker&page=2");
        Assert.Equal(2, second.CardLinks().Count);
        Assert.Empty(first.CardLinks().Intersect(second.CardLinks()));
    }

    [Fact]
    public async Task The_index_follows_an_item_when_its_title_changes()
    {
        await site.WithDbAsync(async db =>
        {
            var item = await db.Content.SingleAsync(c => c.Slug == "quokka-in-title");
            item.Title = "Wombat checklist";
            return await db.SaveChangesAsync();
        });

        Assert.Equal(["/toolkit/quokka-in-title"], (await _client.GetPageAsync("/search?q=wombat")).CardLinks());
        Assert.DoesNotContain("/toolkit/quokka-in-title", (await _client.GetPageAsync("/search?q=quokka")).CardLinks());

        await site.WithDbAsync(async db =>
        {
            var item = await db.Content.SingleAsync(c => c.Slug == "quokka-in-title");
            item.Title = "Quokka checklist";
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_database_whose_index_is_empty_is_indexed_when_the_site_starts()
    {
        var before = (await _client.GetPageAsync("/search?q=zephyr")).CardLinks();
        await site.WithDbAsync(db => db.SearchTerms.ExecuteDeleteAsync());

        // The index was emptied behind the site's back, so what the site holds of it is forgotten by hand.
        await site.Services.GetRequiredService<ContentChanges>().ForgetAsync(CancellationToken.None);
        Assert.Empty((await _client.GetPageAsync("/search?q=zephyr")).CardLinks());

        await site.Services.GetRequiredService<DatabaseInitializer>().StartingAsync(CancellationToken.None);

        Assert.Equal(before, (await _client.GetPageAsync("/search?q=zephyr")).CardLinks());
    }

    [Fact]
    public async Task Rebuilding_the_index_gives_the_same_results()
    {
        var before = (await _client.GetPageAsync("/search?q=zephyr+quokka")).CardLinks();

        await site.WithDbAsync(db => SearchIndex.RebuildAsync(db, CancellationToken.None));

        Assert.Equal(before, (await _client.GetPageAsync("/search?q=zephyr+quokka")).CardLinks());
    }
}

public sealed class SearchInputTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    public static TheoryData<string> OddInputs => new()
    {
        "\"living wage\"",
        "' OR 1=1 --",
        "%",
        "_",
        "100%_sure",
        "<script>alert(1)</script>",
        "wage* AND NOT (benefits OR \"scheduling\") NEAR/3 -x +y",
        "'; DROP TABLE ContentItems; --",
        "Ünïcödé 日本語 العربية 🙂 e\u0301",
        new string('a', 1000),
        string.Concat(Enumerable.Repeat("wage ", 300)),
        "",
        "   ",
        "\t\n",
        "\0",
    };

    [Theory]
    [MemberData(nameof(OddInputs))]
    public async Task Any_input_gives_a_page_and_nothing_is_reflected_unencoded(string query)
    {
        var response = await _client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, html.Split("<h1>").Length - 1);
    }

    [Fact]
    public async Task A_query_that_looks_like_markup_is_shown_as_text()
    {
        var page = await _client.GetPageAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        Assert.Equal("<script>alert(1)</script>", page.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task A_real_word_from_the_content_is_found()
    {
        var page = await _client.GetPageAsync("/search?q=scheduling");

        Assert.NotEmpty(page.CardLinks());
        Assert.All(page.QuerySelectorAll(".search-result mark"), m => Assert.StartsWith("schedul", m.TextContent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_header_search_box_is_labelled_and_sends_a_get_to_search()
    {
        var page = await _client.GetPageAsync("/");

        var form = page.QuerySelector("header form[role='search']")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search", form.GetAttribute("action"));
        var input = form.QuerySelector("input[name='q']")!;
        Assert.NotNull(form.QuerySelector($"label[for='{input.Id}']"));
        Assert.Equal("Search", form.QuerySelector("button")!.TextContent.Trim());
    }

    [Fact]
    public void The_term_index_compares_by_code_point_on_both_providers()
    {
        // Ranges of terms are found by ordinal comparison in memory; the primary key must agree, or
        // two terms that differ only in case or accent would collide on SQL Server.
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var model = sqlServer.GetService<IDesignTimeModel>().Model;
        Assert.Contains("Latin1_General_100_BIN2", model.FindEntityType(typeof(SearchTerm))!.FindProperty(nameof(SearchTerm.Term))!.GetCollation(), StringComparison.Ordinal);
    }
}
