using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Tests;

/// <summary>The site with a public-form limit high enough that the tests of the form itself never meet it.</summary>
public sealed class FeedbackSite : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:PublicForms:PermitLimit", "1000");
    }
}

/// <summary>The site with a public-form limit of two posts a minute.</summary>
public sealed class RateLimitedSite : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:PublicForms:PermitLimit", "2");
        builder.UseSetting("RateLimits:PublicForms:WindowSeconds", "60");
    }
}

public static class FeedbackForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, params (string Name, string Value)[] fields)
    {
        var form = await client.GetPageAsync("/feedback");
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync("/feedback", new FormUrlEncodedContent(values));
    }
}

public sealed class FeedbackTests(FeedbackSite site) : IClassFixture<FeedbackSite>
{
    private readonly HttpClient _client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Feedback_is_stored_and_the_visitor_is_thanked()
    {
        var response = await FeedbackForm.PostAsync(_client,
            ("Topic", "Toolkit"), ("Message", "  The scheduling checklist helped our board.  "), ("Name", "Ana"), ("Email", "ana@example.org"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/feedback/thanks", response.Headers.Location!.OriginalString);
        var stored = await site.WithDbAsync(db => db.Feedback.SingleAsync(f => f.Name == "Ana"));
        Assert.Equal("The scheduling checklist helped our board.", stored.Message);
        Assert.Equal(Feedback.FeedbackTopic.Toolkit, stored.Topic);
        Assert.Equal("ana@example.org", stored.Email);
        Assert.Equal(SiteFactory.Today.UtcDateTime, stored.ReceivedAt);
        Assert.Equal("Thank you", (await _client.GetPageAsync("/feedback/thanks")).H1());
    }

    [Fact]
    public async Task Name_and_email_are_optional()
    {
        var response = await FeedbackForm.PostAsync(_client, ("Topic", "Other"), ("Message", "Anonymous note about the site."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await site.WithDbAsync(db => db.Feedback.AnyAsync(f => f.Message == "Anonymous note about the site." && f.Name == null && f.Email == null)));
    }

    [Fact]
    public async Task A_filled_honeypot_is_thanked_but_nothing_is_stored()
    {
        var response = await FeedbackForm.PostAsync(_client,
            ("Topic", "Other"), ("Message", "Cheap pills from a bot"), ("Website", "http://spam.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/feedback/thanks", response.Headers.Location!.OriginalString);
        Assert.False(await site.WithDbAsync(db => db.Feedback.AnyAsync(f => f.Message.Contains("Cheap pills"))));
    }

    [Fact]
    public async Task A_missing_message_or_a_bad_email_is_explained_next_to_the_field()
    {
        var response = await FeedbackForm.PostAsync(_client, ("Topic", "Website"), ("Message", ""), ("Email", "not-an-address"));
        var page = await BrowsingContext.New().OpenAsync(r => r.Content(response.Content.ReadAsStream()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Write your message.", Error(page, "Message"));
        Assert.StartsWith("Enter an email address", Error(page, "Email"), StringComparison.Ordinal);
        Assert.Equal("not-an-address", page.QuerySelector("input[name='Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_form_has_a_label_for_every_field_and_the_footer_links_to_it()
    {
        var page = await _client.GetPageAsync("/feedback");

        foreach (var field in new[] { "Topic", "Message", "Name", "Email" })
        {
            var input = page.QuerySelector($"form [name='{field}']")!;
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
        }

        Assert.NotNull(page.QuerySelector("footer a[href='/feedback']"));
        Assert.Equal("Send your message", page.QuerySelector("form.feedback-form button")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var response = await _client.PostAsync("/feedback", new FormUrlEncodedContent([new("Topic", "Other"), new("Message", "Hello")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Error(IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim();
}

public sealed class FeedbackRateLimitTests(RateLimitedSite site) : IClassFixture<RateLimitedSite>
{
    [Fact]
    public async Task Too_many_posts_from_one_address_are_answered_429_with_retry_after()
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Redirect, (await FeedbackForm.PostAsync(client, ("Topic", "Other"), ("Message", "One"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await FeedbackForm.PostAsync(client, ("Topic", "Other"), ("Message", "Two"))).StatusCode);
        var third = await FeedbackForm.PostAsync(client, ("Topic", "Other"), ("Message", "Three"));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.InRange(third.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(2, await site.WithDbAsync(db => db.Feedback.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/feedback")).StatusCode);
    }
}
