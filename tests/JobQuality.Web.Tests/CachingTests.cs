using System.Net;
using System.Net.Http.Headers;
using JobQuality.Web.Caching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace JobQuality.Web.Tests;

/// <summary>A site that counts the SQL commands it sends.</summary>
public sealed class CountingSite : EditorSite
{
    private readonly CommandCounter _counter = new();

    public int Commands => _counter.Count;

    /// <summary>The SQL of every command requests sent, in order.</summary>
    public IReadOnlyList<string> CommandTexts => _counter.Texts;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(_counter));
    }

    private sealed class CommandCounter : ILogEventSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public IReadOnlyList<string> Texts => [.. _texts];

        /// <summary>Counts the commands requests send; background jobs (mail, watching for outside changes) are not pages' work.</summary>
        public void Emit(LogEvent logEvent)
        {
            if (logEvent.MessageTemplate.Text.StartsWith("Executed DbCommand", StringComparison.Ordinal) && logEvent.Properties.ContainsKey("RequestId"))
            {
                Interlocked.Increment(ref _count);
                _texts.Enqueue(logEvent.Properties.TryGetValue("commandText", out var text) ? text.ToString() : string.Empty);
            }
        }
    }
}

public sealed class CachingTests(CountingSite site) : IClassFixture<CountingSite>
{
    private async Task<int> CommandsForAsync(HttpClient client, string path)
    {
        var before = site.Commands;
        await client.GetPageAsync(path);
        return site.Commands - before;
    }

    [Theory]
    [InlineData("/", 6)]
    [InlineData("/toolkit", 6)] // three, and three more for the first listing of a kind that reads it into memory
    [InlineData("/exemplars", 6)]
    [InlineData("/research", 6)]
    [InlineData("/webinars", 7)] // upcoming and past webinars: two lists of cards
    [InlineData("/toolkit/scheduling-stability-checklist", 4)]
    [InlineData("/exemplars/good-jobs-institute", 4)]
    [InlineData("/research/raise-the-floor-and-build-ladders", 4)]
    [InlineData("/webinars/community-colleges-and-employer-partners", 4)]
    [InlineData("/topics/wages", 4)]
    public async Task A_public_page_takes_a_few_queries_once_and_none_while_it_is_cached(string path, int most)
    {
        var client = site.CreateClient();
        await site.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageCache.PublicTag, CancellationToken.None);

        var first = await CommandsForAsync(client, path);
        var again = await CommandsForAsync(client, path);

        Assert.InRange(first, 1, most);
        Assert.Equal(0, again);
    }

    /// <summary>
    /// Most searches are asked once: a page with a query is kept only from its second asking, so
    /// one-off searches neither pay for a copy into the cache nor push other pages out of it.
    /// </summary>
    [Theory]
    [InlineData("/search?q=scheduling+wages", 4)] // two, and two more for the first search that reads the index into memory
    [InlineData("/search?q=apprenticeship&kind=research", 4)]
    [InlineData("/toolkit?dimension=wages", 6)]
    [InlineData("/research?page=1", 6)]
    public async Task A_page_with_a_query_is_kept_once_it_is_asked_for_again(string path, int most)
    {
        var client = site.CreateClient();
        await site.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageCache.PublicTag, CancellationToken.None);

        var first = await CommandsForAsync(client, path);
        var second = await CommandsForAsync(client, path);
        var third = await CommandsForAsync(client, path);

        Assert.InRange(first, 1, most);
        Assert.InRange(second, 1, most);
        Assert.Equal(0, third);
    }

    [Theory]
    [InlineData("/toolkit")]
    [InlineData("/exemplars")]
    [InlineData("/research")]
    [InlineData("/webinars")]
    [InlineData("/topics/wages")]
    public async Task A_list_of_cards_reads_no_bodies(string path)
    {
        var client = site.CreateClient();
        await site.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageCache.PublicTag, CancellationToken.None);
        var before = site.CommandTexts.Count;

        var page = await client.GetPageAsync(path);

        Assert.NotEmpty(page.CardLinks());
        var sent = site.CommandTexts.Skip(before).ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, sql => Assert.DoesNotContain("Body", sql, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cached_page_answers_304_while_it_is_unchanged()
    {
        var client = site.CreateClient();
        var first = await client.GetAsync("/research");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/research");
        request.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task A_change_to_content_is_on_every_page_at_once()
    {
        var client = site.CreateClient();
        Assert.Contains("/toolkit/worker-voice-survey-template", (await client.GetPageAsync("/toolkit")).CardLinks());
        await client.GetPageAsync("/toolkit/worker-voice-survey-template");

        await site.WithDbAsync(async db =>
        {
            var item = await db.Content.SingleAsync(c => c.Slug == "worker-voice-survey-template");
            item.Title = "A renamed survey template";
            return await db.SaveChangesAsync();
        });

        Assert.Equal("A renamed survey template", (await client.GetPageAsync("/toolkit/worker-voice-survey-template")).H1());
        Assert.Contains("A renamed survey template", (await client.GetPageAsync("/toolkit")).QuerySelector(".cards")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_updates_the_seats_shown_on_the_webinar_page()
    {
        var client = site.CreateClient();
        var webinar = await WebinarTesting.CreateAsync(site, capacity: 3);
        static string? Seats(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll(".facts dt").FirstOrDefault(dt => dt.TextContent == "Seats")?.NextElementSibling?.TextContent;
        Assert.Equal("3 (3 left)", Seats(await client.GetPageAsync(webinar.Path)));

        await WebinarTesting.RegisterAsync(client, webinar.Slug, "Seat Taker", "seat.taker@example.org");

        Assert.Equal("3 (2 left)", Seats(await client.GetPageAsync(webinar.Path)));
    }

    [Fact]
    public async Task Signed_in_editors_always_get_a_fresh_page()
    {
        var visitor = site.CreateClient();
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        await visitor.GetPageAsync("/research/restore-the-promise-of-work");

        // Changed behind the site's back: only a page rendered afresh can show it.
        await site.WithDbAsync(db => db.Content.Where(c => c.Slug == "restore-the-promise-of-work")
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Summary, "Changed without telling the cache.")));

        Assert.Contains("Changed without telling the cache.", (await editor.GetPageAsync("/research/restore-the-promise-of-work")).QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Changed without telling the cache.", (await visitor.GetPageAsync("/research/restore-the-promise-of-work")).QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_visitor_gets_a_token_of_their_own_in_a_cached_form()
    {
        var path = (await site.WithDbAsync(db => db.Webinars.Where(w => w.StartsUtc > SiteFactory.Today.UtcDateTime).Select(w => w.Slug).FirstAsync()));
        var first = site.CreateClient();
        var second = site.CreateClient();

        var one = await first.TokenFromAsync("/webinars/" + path);
        var two = await second.TokenFromAsync("/webinars/" + path);

        Assert.NotEqual(one, two);
        Assert.DoesNotContain("antiforgery-token-for-this-visitor", one, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_for_browsers_that_accept_it(string encoding)
    {
        var client = site.CreateClient();
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await client.GetAsync("/toolkit");

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
    }
}

public sealed class OutsideChangeTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Content_imported_on_the_command_line_while_the_site_runs_reaches_its_cached_pages_within_seconds()
    {
        var visitor = site.CreateClient();
        Assert.DoesNotContain("Night Shift Premium Calculator", (await visitor.GetPageAsync("/toolkit")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty((await visitor.GetPageAsync("/search?q=graveyard")).CardLinks());
        using var content = new ContentFolder().With("toolkit/night-shift-premium-calculator.md",
            "---\ntitle: Night Shift Premium Calculator\nsummary: Work out a fair premium for graveyard hours.\npublished: 2026-11-20\ntype: tool\ndimensions: [wages]\n---\nEnter the hours.");

        var import = await SiteCommand.RunAsync(site.Database, null, "import", content.Path);
        Assert.True(import.Code == 0, import.Errors);

        await WebinarTesting.EventuallyAsync(
            async () => (await visitor.GetPageAsync("/toolkit")).Body!.TextContent,
            page => page.Contains("Night Shift Premium Calculator", StringComparison.Ordinal),
            "the imported resource on the cached toolkit page");
        Assert.Contains("/toolkit/night-shift-premium-calculator", (await visitor.GetPageAsync("/search?q=graveyard")).CardLinks());
    }
}

/// <summary>The site, looking for content changed outside it five times a second.</summary>
public sealed class WatchfulSite : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PageCache:OutsideChangesInterval", "00:00:00.2");
    }
}

public sealed class WatchfulSiteTests(WatchfulSite site) : IClassFixture<WatchfulSite>
{
    [Fact]
    public async Task A_change_saved_through_the_site_is_not_taken_again_for_a_change_made_outside()
    {
        var visitor = site.CreateClient();
        await visitor.GetAsync("/toolkit");
        await site.WithDbAsync(async db =>
        {
            var item = await db.Content.SingleAsync(c => c.Slug == "scheduling-stability-checklist");
            item.Title = "Scheduling Stability Checklist, second edition";
            item.UpdatedAt = Later();
            return await db.SaveChangesAsync();
        });

        var fresh = await visitor.GetAsync("/toolkit");
        Assert.Contains("Scheduling Stability Checklist, second edition", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var etag = fresh.Headers.ETag;
        Assert.NotNull(etag);

        // Several looks for outside changes later, the page cached after the save is still current.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/toolkit");
        revalidate.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(revalidate)).StatusCode);
    }

    [Fact]
    public async Task A_change_written_to_the_database_outside_the_site_reaches_its_cached_pages()
    {
        var visitor = site.CreateClient();
        Assert.Contains("/toolkit/worker-voice-survey-template", (await visitor.GetPageAsync("/toolkit")).CardLinks());

        // Written past the site's saves, as another program would: nothing here hears of it.
        await site.WithDbAsync(db => db.Content.Where(c => c.Slug == "worker-voice-survey-template")
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.Title, "Worker Voice Survey Template, translated")
                .SetProperty(c => c.UpdatedAt, Later())));

        await WebinarTesting.EventuallyAsync(
            async () => (await visitor.GetPageAsync("/toolkit")).Body!.TextContent,
            page => page.Contains("Worker Voice Survey Template, translated", StringComparison.Ordinal),
            "the title changed outside the site on the cached toolkit page");
    }

    /// <summary>A moment after every item's last change, as an editor's save would stamp it.</summary>
    private static DateTime Later() =>
        (SiteFactory.Today.UtcDateTime > DateTime.UtcNow ? SiteFactory.Today.UtcDateTime : DateTime.UtcNow).AddDays(1);
}
