using JobQuality.Web.Content;

namespace JobQuality.Web.Tests;

public sealed class PublishingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Drafts_are_never_public_and_scheduled_items_appear_when_their_time_comes()
    {
        await site.WithDbAsync(async db =>
        {
            db.Add(new Research.ResearchPublication
            {
                Slug = "draft-report", Title = "A draft report", Summary = "Not yet.", Body = "Draft notes on quillwort.",
                Status = ContentStatus.Draft, CreatedAt = SiteFactory.Today.UtcDateTime, UpdatedAt = SiteFactory.Today.UtcDateTime,
            });
            db.Add(new Research.ResearchPublication
            {
                Slug = "scheduled-report", Title = "A scheduled report", Summary = "Soon.", Body = "Soon: quillwort.",
                Status = ContentStatus.Scheduled, PublishAt = SiteFactory.Today.UtcDateTime.AddDays(365),
                CreatedAt = SiteFactory.Today.UtcDateTime, UpdatedAt = SiteFactory.Today.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        await _client.GetPageAsync("/research/draft-report", expectedStatus: 404);
        await _client.GetPageAsync("/research/scheduled-report", expectedStatus: 404);
        Assert.DoesNotContain("/research/scheduled-report", (await _client.GetPageAsync("/research")).CardLinks());
        Assert.Empty((await _client.GetPageAsync("/search?q=quillwort")).CardLinks());

        site.Clock.Advance(TimeSpan.FromDays(366));
        Assert.Equal("A scheduled report", (await _client.GetPageAsync("/research/scheduled-report")).H1());

        // Another address than the one asked before the clock moved: the page cache's own expiry
        // runs on the real clock, while the search's copy of the index is the same one as then.
        Assert.Equal(["/research/scheduled-report"], (await _client.GetPageAsync("/search?q=quillwort&kind=research")).CardLinks());

        // Likewise the listing, from the copy read before the clock moved: a report without a date
        // comes last, on the last page, which a page past the end shows.
        Assert.Contains("/research/scheduled-report", (await _client.GetPageAsync("/research?page=99")).CardLinks());
        await _client.GetPageAsync("/research/draft-report", expectedStatus: 404);
    }
}
