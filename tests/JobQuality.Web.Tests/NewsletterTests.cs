using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static JobQuality.Web.Tests.WebinarTesting;

namespace JobQuality.Web.Tests;

/// <summary>The site with editor accounts and a public-form limit the newsletter tests never meet.</summary>
public sealed class NewsletterSite : EditorSite
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:PublicForms:PermitLimit", "1000");
    }
}

public static class Newsletter
{
    public static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email) =>
        client.PostFormAsync("/newsletter", "/", new() { ["Email"] = email });

    /// <summary>A link of the given kind (confirm, unsubscribe) in a mail's text.</summary>
    public static Uri Link(MimeMessage mail, string kind)
    {
        var match = Regex.Match(mail.TextBody ?? string.Empty, $@"https?://\S+/newsletter/{kind}/\S+");
        Assert.True(match.Success, $"The mail has no {kind} link:\n{mail.TextBody}");
        return new Uri(match.Value);
    }

    public static Task<HttpResponseMessage> PressButtonAsync(HttpClient client, Uri link) =>
        client.PostFormAsync(link.PathAndQuery, link.PathAndQuery, []);
}

public sealed class NewsletterTests(NewsletterSite site) : IClassFixture<NewsletterSite>
{
    private Task<List<(string Email, DateTime? ConfirmedAt)>> SubscribersAsync(string email)
    {
        var normalized = Web.Newsletter.Subscriber.Normalize(email);
        return site.WithDbAsync(async db => (await db.Subscribers.AsNoTracking()
                .Where(s => s.NormalizedEmail == normalized)
                .Select(s => new { s.Email, s.ConfirmedAt }).ToListAsync())
            .Select(s => (s.Email, s.ConfirmedAt)).ToList());
    }

    [Fact]
    public async Task The_home_page_and_the_sign_up_page_offer_a_labelled_form_and_every_footer_leads_there()
    {
        var home = await site.CreateClient().GetPageAsync("/");
        var feedback = await site.CreateClient().GetPageAsync("/feedback");
        var newsletter = await site.CreateClient().GetPageAsync("/newsletter");

        foreach (var form in new[] { home.QuerySelector("main form[action='/newsletter']"), newsletter.QuerySelector("main form[action='/newsletter']") })
        {
            Assert.NotNull(form);
            var input = form.QuerySelector("input[name='Email']")!;
            Assert.Equal("Email", form.QuerySelector($"label[for='{input.Id}']")!.TextContent.Trim());
            Assert.Equal("Sign up", form.QuerySelector("button[type='submit']")!.TextContent.Trim());
            Assert.Equal("post", form.GetAttribute("method"));
        }

        // The footer links to the sign-up page: a form there would put a visitor's own token on every page.
        foreach (var page in new[] { home, feedback, newsletter })
        {
            Assert.Equal("Sign up for the newsletter", page.QuerySelector("footer a[href='/newsletter']")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Signing_up_mails_a_confirmation_link_and_confirming_takes_the_button()
    {
        const string email = "nina.confirm@example.org";
        var client = site.Visitor();

        var response = await Newsletter.SignUpAsync(client, email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thanks = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("inbox", thanks.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var mail = Assert.Single(await MailsEventuallyAsync(site, email, 1));
        Assert.Equal("Please confirm your newsletter subscription", mail.Subject);
        Newsletter.Link(mail, "unsubscribe");
        var confirm = Newsletter.Link(mail, "confirm");

        var page = await client.GetPageAsync(confirm.PathAndQuery);
        Assert.Equal("Confirm subscription", page.QuerySelector("main form button")!.TextContent.Trim());
        Assert.Null(Assert.Single(await SubscribersAsync(email)).ConfirmedAt);

        var confirmed = await Newsletter.PressButtonAsync(client, confirm);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("You are subscribed", (await confirmed.DocumentAsync()).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(SiteFactory.Today.UtcDateTime, Assert.Single(await SubscribersAsync(email)).ConfirmedAt);
    }

    [Fact]
    public async Task Signing_up_twice_keeps_one_row_and_sends_the_confirmation_again()
    {
        const string email = "omar.twice@example.org";
        var client = site.Visitor();

        await Newsletter.SignUpAsync(client, email);
        var again = await Newsletter.SignUpAsync(client, "  Omar.Twice@Example.org ");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single(await SubscribersAsync(email));
        var mails = await MailsEventuallyAsync(site, email, 2);
        Assert.All(mails, m => Assert.Equal("Please confirm your newsletter subscription", m.Subject));
        Assert.Equal(Newsletter.Link(mails[0], "confirm"), Newsletter.Link(mails[1], "confirm"));

        await Newsletter.PressButtonAsync(client, Newsletter.Link(mails[0], "confirm"));
        await Newsletter.SignUpAsync(client, email);
        Assert.NotNull(Assert.Single(await SubscribersAsync(email)).ConfirmedAt);
    }

    [Fact]
    public async Task The_mailed_unsubscribe_link_shows_a_button_and_only_the_button_unsubscribes()
    {
        const string email = "paula.leaves@example.org";
        var client = site.Visitor();
        await Newsletter.SignUpAsync(client, email);
        var mail = Assert.Single(await MailsEventuallyAsync(site, email, 1));
        await Newsletter.PressButtonAsync(client, Newsletter.Link(mail, "confirm"));
        var unsubscribe = Newsletter.Link(mail, "unsubscribe");

        var page = await client.GetPageAsync(unsubscribe.PathAndQuery);
        Assert.Equal("Unsubscribe", page.QuerySelector("main form button")!.TextContent.Trim());
        Assert.Single(await SubscribersAsync(email));

        var response = await Newsletter.PressButtonAsync(client, unsubscribe);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You are unsubscribed", (await response.DocumentAsync()).QuerySelector("h1")!.TextContent.Trim());
        Assert.Empty(await SubscribersAsync(email));
        await client.GetPageAsync(unsubscribe.PathAndQuery, expectedStatus: 404);
    }

    [Fact]
    public async Task A_missing_or_malformed_email_is_explained_next_to_the_field()
    {
        var client = site.Visitor();

        foreach (var email in new[] { "", "not an address" })
        {
            var response = await Newsletter.SignUpAsync(client, email);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace((await response.DocumentAsync()).QuerySelector("main [data-valmsg-for='Email']")!.TextContent));
        }
    }

    [Fact]
    public async Task Editors_export_only_confirmed_subscribers_and_visitors_are_sent_to_sign_in()
    {
        var client = site.Visitor();
        await Newsletter.SignUpAsync(client, "quinn.confirmed@example.org");
        await Newsletter.SignUpAsync(client, "rosa.pending@example.org");
        await Newsletter.PressButtonAsync(client, Newsletter.Link(Assert.Single(await MailsEventuallyAsync(site, "quinn.confirmed@example.org", 1)), "confirm"));
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);

        var page = await editor.GetPageAsync("/admin/newsletter");
        Assert.Equal("/admin/newsletter/subscribers.csv", page.QuerySelector("main a[href$='.csv']")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("nav a[href='/admin/newsletter']"));
        Assert.NotNull(page.QuerySelector("nav a[href='/admin/feedback']"));
        var response = await editor.GetAsync("/admin/newsletter/subscribers.csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        using var csv = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var emails = new List<string>();
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync())
        {
            emails.Add(csv.GetField("Email")!);
        }

        Assert.Contains("quinn.confirmed@example.org", emails);
        Assert.DoesNotContain("rosa.pending@example.org", emails);
        foreach (var path in new[] { "/admin/newsletter", "/admin/newsletter/subscribers.csv" })
        {
            var anonymous = await site.Visitor().GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
