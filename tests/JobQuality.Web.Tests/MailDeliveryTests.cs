using JobQuality.Web.Mail;
using JobQuality.Web.Webinars;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static JobQuality.Web.Tests.WebinarTesting;

namespace JobQuality.Web.Tests;

/// <summary>The site sending through a real SMTP server, and riding out an outage of it.</summary>
public sealed class MailDeliveryTests
{
    [Fact]
    public void Each_smtp_security_setting_is_the_mail_client_option_of_the_same_name()
    {
        // Email:Smtp:Security takes MailKit's names (None in docker-compose, Auto by default).
        Assert.Equal(Enum.GetNames<SecureSocketOptions>().Order(), Enum.GetNames<SmtpSecurity>().Order());
        foreach (var security in Enum.GetValues<SmtpSecurity>())
        {
            Assert.Equal(security.ToString(), MailDelivery.ToMailKit(security).ToString());
        }
    }

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

    [Fact]
    public async Task Mail_queued_when_the_site_stops_is_delivered_once_after_it_starts_again()
    {
        var port = LocalServer.FreePort();
        using var database = TestDatabase.FromEnvironment();
        Webinar webinar;
        using (var before = new SmtpSiteFactory(port, database))
        {
            using var client = before.CreateClient();
            webinar = await CreateAsync(before, capacity: 10);

            // No mail server is listening yet: the visitor is registered, the confirmation waits.
            var response = await RegisterAsync(client, webinar.Slug, "Ines Moreau", "ines.moreau@example.org");

            response.EnsureSuccessStatusCode();
            Assert.Equal("You are registered", (await response.ReadPageAsync()).QuerySelector("h1")!.TextContent);
            await EventuallyAsync(
                () => before.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Recipient == "ines.moreau@example.org")),
                m => m.Attempts >= 1 && m.SentAt is null, "a failed first attempt");
        }

        // The site stopped with the mail undelivered; a new one starts on the same database, and the mail server is back.
        using var after = new SmtpSiteFactory(port, database);
        await using var server = await SmtpServer.StartAsync(port, Path.Combine(after.Folder, "smtp"));
        using var afterClient = after.CreateClient();

        var received = await EventuallyAsync(() => Task.FromResult(server.Messages()), m => m.Count > 0,
            "the queued confirmation to arrive", tick: () => after.Clock.Advance(TimeSpan.FromMinutes(1)));
        var confirmation = Assert.Single(received);
        Assert.Equal("ines.moreau@example.org", confirmation.To.Mailboxes.Single().Address);
        Assert.Equal($"You are registered: {webinar.Title}", confirmation.Subject);

        // Once only: by the time a later registrant's mail has arrived, the sender has looked at the outbox
        // again, well after the first mail's retry time and lease.
        after.Clock.Advance(TimeSpan.FromHours(2));
        var later = await RegisterAsync(afterClient, webinar.Slug, "Tom Berg", "tom.berg@example.org");
        later.EnsureSuccessStatusCode();
        var all = await EventuallyAsync(() => Task.FromResult(server.Messages()),
            m => m.Any(x => x.To.Mailboxes.Any(a => a.Address == "tom.berg@example.org")), "the later registrant's confirmation");
        Assert.Single(all, m => m.To.Mailboxes.Any(a => a.Address == "ines.moreau@example.org"));
        var registration = Assert.Single(await RegistrationsAsync(after, webinar.Id), r => r.Email == "ines.moreau@example.org");
        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
    }

    private sealed class SmtpSiteFactory(int port, TestDatabase? database = null) : SiteFactory(database)
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
