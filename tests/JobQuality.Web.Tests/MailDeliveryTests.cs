using JobQuality.Web.Webinars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static JobQuality.Web.Tests.WebinarTesting;

namespace JobQuality.Web.Tests;

/// <summary>The site sending through a real SMTP server, and riding out an outage of it.</summary>
public sealed class MailDeliveryTests
{
    [Fact]
    public async Task Mail_goes_to_the_smtp_server_when_one_is_configured()
    {
        using var site = new SmtpSiteFactory(LocalServer.FreePort());
        await using var server = await SmtpServer.StartAsync(site.SmtpPort, Path.Combine(site.Folder, "smtp"));
        using var client = site.CreateClient();
        var webinar = await CreateAsync(site, capacity: 10);

        var response = await RegisterAsync(client, webinar.Slug, "Mo Diallo", "mo.diallo@example.org");

        response.EnsureSuccessStatusCode();
        var mail = Assert.Single(await EventuallyAsync(() => Task.FromResult(server.Messages()), m => m.Count > 0, "the SMTP server to receive the confirmation"));
        Assert.Equal("mo.diallo@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Equal($"You are registered: {webinar.Title}", mail.Subject);
        Assert.Single(mail.Attachments);
        Assert.Empty(MailsTo(site, "mo.diallo@example.org"));
    }

    [Fact]
    public async Task A_mail_server_outage_delays_the_mail_and_loses_none()
    {
        using var site = new SmtpSiteFactory(LocalServer.FreePort());
        using var client = site.CreateClient();
        var webinar = await CreateAsync(site, capacity: 10);

        var response = await RegisterAsync(client, webinar.Slug, "Kim Lee", "kim.lee@example.org");

        response.EnsureSuccessStatusCode();
        var waiting = await EventuallyAsync(
            () => site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Recipient == "kim.lee@example.org")),
            m => m.Attempts >= 1, "a failed first attempt");
        Assert.Null(waiting.SentAt);
        Assert.NotNull(waiting.LastError);
        Assert.Equal(RegistrationStatus.Confirmed, Assert.Single(await RegistrationsAsync(site, webinar.Id)).Status);

        await using var server = await SmtpServer.StartAsync(site.SmtpPort, Path.Combine(site.Folder, "smtp"));

        // The retry waits on the site's clock, which the test moves on instead of waiting.
        var received = await EventuallyAsync(() => Task.FromResult(server.Messages()), m => m.Count > 0,
            "the retried mail to arrive", tick: () => site.Clock.Advance(TimeSpan.FromMinutes(1)));
        Assert.Equal("kim.lee@example.org", Assert.Single(received).To.Mailboxes.Single().Address);
        var sent = await EventuallyAsync(
            () => site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Recipient == "kim.lee@example.org")),
            m => m.SentAt is not null, "the outbox to record the delivery");
        Assert.True(sent.Attempts >= 2);
        Assert.Single(server.Messages());
    }

    private sealed class SmtpSiteFactory(int port) : SiteFactory
    {
        public int SmtpPort => port;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Email:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
