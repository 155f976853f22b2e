using System.Net;
using JobQuality.Web.Feedback;

namespace JobQuality.Web.Tests;

public sealed class FeedbackInboxTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task Editors_read_stored_feedback_newest_first_a_page_at_a_time()
    {
        await site.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 30; i++)
            {
                db.Feedback.Add(new FeedbackMessage
                {
                    Topic = i == 30 ? FeedbackTopic.Toolkit : FeedbackTopic.Other,
                    Message = $"Message number {i}",
                    Name = i == 30 ? "Sam Reader" : null,
                    Email = i == 30 ? "sam.reader@example.org" : null,
                    ReceivedAt = SiteFactory.Today.UtcDateTime.AddMinutes(i),
                });
            }

            return await db.SaveChangesAsync();
        });
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);

        var first = await editor.GetPageAsync("/admin/feedback");
        var rows = first.QuerySelectorAll("table.feedback-list tbody tr").ToList();
        Assert.Equal(25, rows.Count);
        var newest = rows[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("2026-11-26 12:30", newest[0]);
        Assert.Equal("The toolkit", newest[1]);
        Assert.Equal("Message number 30", newest[2]);
        Assert.Contains("Sam Reader", newest[3], StringComparison.Ordinal);
        Assert.Contains("sam.reader@example.org", newest[3], StringComparison.Ordinal);

        var second = await editor.GetPageAsync(first.QuerySelector("a[rel='next']")!.GetAttribute("href")!);
        Assert.Equal(["Message number 5", "Message number 4", "Message number 3", "Message number 2", "Message number 1"],
            second.QuerySelectorAll("td.feedback-message").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in_instead_of_seeing_feedback()
    {
        var response = await site.Visitor().GetAsync("/admin/feedback");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
