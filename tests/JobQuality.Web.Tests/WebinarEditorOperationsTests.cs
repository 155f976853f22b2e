using System.Globalization;
using CsvHelper;
using JobQuality.Web.Mail;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static JobQuality.Web.Tests.WebinarTesting;

namespace JobQuality.Web.Tests;

/// <summary>The operations the editor pages call, run directly against the real site's database.</summary>
public sealed class WebinarEditorOperationsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Raising_the_capacity_confirms_the_waitlist_in_order_and_mails_them()
    {
        var webinar = await CreateAsync(site, capacity: 1);
        await RegisterDirectlyAsync(webinar, "Seated", "raise.seated@example.org");
        await RegisterDirectlyAsync(webinar, "Waiting One", "raise.one@example.org");
        await RegisterDirectlyAsync(webinar, "Waiting Two", "raise.two@example.org");
        await RegisterDirectlyAsync(webinar, "Waiting Three", "raise.three@example.org");

        var promoted = await WithAsync<WebinarCapacity, int>(c => c.ChangeAsync(webinar.Id, 3, CancellationToken.None));

        Assert.Equal(2, promoted);
        var rows = await RegistrationsAsync(site, webinar.Id);
        Assert.Equal(
            [RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
            rows.Select(r => r.Status));
        Assert.Contains(await MailsEventuallyAsync(site, "raise.one@example.org", 2), m => m.Subject!.StartsWith("A seat is yours", StringComparison.Ordinal));
        Assert.Contains(await MailsEventuallyAsync(site, "raise.two@example.org", 2), m => m.Subject!.StartsWith("A seat is yours", StringComparison.Ordinal));
        Assert.Equal(3, await site.WithDbAsync(db => db.Webinars.Where(w => w.Id == webinar.Id).Select(w => w.SeatsTaken).SingleAsync()));
    }

    [Fact]
    public async Task Lowering_the_capacity_keeps_every_confirmed_seat()
    {
        var webinar = await CreateAsync(site, capacity: 3);
        for (var i = 1; i <= 3; i++)
        {
            await RegisterDirectlyAsync(webinar, $"Seat {i}", $"lower{i}@example.org");
        }

        await WithAsync<WebinarCapacity, int>(c => c.ChangeAsync(webinar.Id, 1, CancellationToken.None));
        var next = await RegisterDirectlyAsync(webinar, "Latecomer", "lower.late@example.org");

        Assert.Equal(RegistrationStatus.Waitlisted, next.Status);
        Assert.Equal(3, (await RegistrationsAsync(site, webinar.Id)).Count(r => r.Status == RegistrationStatus.Confirmed));
    }

    [Fact]
    public async Task Counts_say_how_many_are_confirmed_waitlisted_and_cancelled()
    {
        var webinar = await CreateAsync(site, capacity: 2);
        await RegisterDirectlyAsync(webinar, "A", "count.a@example.org");
        await RegisterDirectlyAsync(webinar, "B", "count.b@example.org");
        await RegisterDirectlyAsync(webinar, "C", "count.c@example.org");
        await RegisterDirectlyAsync(webinar, "D", "count.d@example.org");
        var token = (await RegistrationsAsync(site, webinar.Id))[0].CancelToken!;
        await WithAsync<CancelRegistration, CancelOutcome>(c => c.CancelAsync(WebinarEvent.From(webinar), token, CancellationToken.None));

        var counts = await WithAsync<WebinarRegistrations, RegistrationCounts>(r => r.CountsAsync(webinar.Id, CancellationToken.None));

        Assert.Equal(new RegistrationCounts(Confirmed: 2, Waitlisted: 1, Cancelled: 1), counts);
    }

    [Fact]
    public async Task The_csv_file_reads_back_with_every_registration_quoted_where_needed()
    {
        var webinar = await CreateAsync(site, capacity: 1);
        await RegisterDirectlyAsync(webinar, "Doe, Jane \"JJ\"", "jane.csv@example.org", "Fair Work, Inc.");
        await RegisterDirectlyAsync(webinar, "=Formula Person", "formula.csv@example.org", null);

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await WithAsync<WebinarRegistrations, bool>(async r =>
        {
            await r.WriteCsvAsync(webinar.Id, writer, CancellationToken.None);
            return true;
        });

        var text = writer.ToString();
        Assert.StartsWith("Name,Email,Organization,Status,RegisteredAt", text, StringComparison.Ordinal);
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Doe, Jane \"JJ\"", rows[0]["Name"]);
        Assert.Equal("jane.csv@example.org", rows[0]["Email"]);
        Assert.Equal("Fair Work, Inc.", rows[0]["Organization"]);
        Assert.Equal("Confirmed", rows[0]["Status"]);
        Assert.Equal("2026-11-26T12:00:00Z", rows[0]["RegisteredAt"]);
        Assert.Equal("Waitlisted", rows[1]["Status"]);
        Assert.Equal("'=Formula Person", rows[1]["Name"]);
    }

    [Fact]
    public async Task Erasing_removes_personal_data_of_long_ended_webinars_and_keeps_the_counts()
    {
        var ended = await CreateAsync(site, capacity: 1, startsIn: TimeSpan.FromDays(-200));
        var recent = await CreateAsync(site, capacity: 1, startsIn: TimeSpan.FromDays(-10));
        await AddPastRegistrationAsync(ended, "Old One", "erase.old1@example.org", RegistrationStatus.Confirmed);
        await AddPastRegistrationAsync(ended, "Old Two", "erase.old2@example.org", RegistrationStatus.Waitlisted);
        await AddPastRegistrationAsync(recent, "Recent", "erase.recent@example.org", RegistrationStatus.Confirmed);
        var countsBefore = await WithAsync<WebinarRegistrations, RegistrationCounts>(r => r.CountsAsync(ended.Id, CancellationToken.None));

        var result = await WithAsync<RegistrationEraser, ErasureResult>(e => e.EraseEndedAsync(CancellationToken.None));

        Assert.True(result.Registrations >= 2);
        var erased = await RegistrationsAsync(site, ended.Id);
        Assert.All(erased, r =>
        {
            Assert.Null(r.Name);
            Assert.Null(r.Email);
            Assert.Null(r.NormalizedEmail);
            Assert.Null(r.Organization);
            Assert.Null(r.CancelToken);
            Assert.NotNull(r.ErasedAt);
        });
        Assert.Equal(countsBefore, await WithAsync<WebinarRegistrations, RegistrationCounts>(r => r.CountsAsync(ended.Id, CancellationToken.None)));
        Assert.Equal("erase.recent@example.org", Assert.Single(await RegistrationsAsync(site, recent.Id)).Email);
        Assert.False(await site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient.StartsWith("erase.old"))));
    }

    [Fact]
    public async Task A_reminder_is_queued_once_per_confirmed_registration_a_day_before_unless_they_registered_within_that_day()
    {
        var tomorrow = await CreateAsync(site, capacity: 1, startsIn: TimeSpan.FromHours(20));
        var later = await CreateAsync(site, capacity: 5, startsIn: TimeSpan.FromDays(3));
        await AddPastRegistrationAsync(tomorrow, "Soon", "remind.soon@example.org", RegistrationStatus.Confirmed);
        await AddPastRegistrationAsync(tomorrow, "Waiting", "remind.waiting@example.org", RegistrationStatus.Waitlisted);
        await RegisterDirectlyAsync(tomorrow, "Just Now", "remind.just.now@example.org");
        await RegisterDirectlyAsync(later, "Later", "remind.later@example.org");
        var reminders = site.Services.GetRequiredService<WebinarReminders>();

        await reminders.QueueDueAsync(CancellationToken.None);
        await reminders.QueueDueAsync(CancellationToken.None);

        var queued = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Subject.StartsWith("Reminder:")).Select(m => m.Recipient).ToListAsync());
        Assert.Equal(["remind.soon@example.org"], queued.Where(r => r.StartsWith("remind.", StringComparison.Ordinal)));
        var reminder = Assert.Single(await MailsEventuallyAsync(site, "remind.soon@example.org", 1));
        Assert.Equal($"Reminder: {tomorrow.Title}", reminder.Subject);
        Assert.Single(reminder.Attachments);
        Assert.Contains("/cancel/", reminder.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_senders_sharing_the_outbox_send_each_message_once()
    {
        var now = site.Clock.GetUtcNow().UtcDateTime;
        var recipients = Enumerable.Range(1, 12).Select(i => $"shared.sender{i}@example.org").ToList();
        await site.WithDbAsync(async db =>
        {
            db.OutboxMessages.AddRange(recipients.Select(r => new OutboxMessage
            {
                Recipient = r, Subject = "Shared outbox", TextBody = "Hello", CreatedAt = now, NextAttemptAt = now,
            }));
            return await db.SaveChangesAsync();
        });
        var first = ActivatorUtilities.CreateInstance<OutboxSender>(site.Services);
        var second = ActivatorUtilities.CreateInstance<OutboxSender>(site.Services);

        await Task.WhenAll(first.SendDueAsync(CancellationToken.None), second.SendDueAsync(CancellationToken.None));
        await Task.WhenAll(first.SendDueAsync(CancellationToken.None), second.SendDueAsync(CancellationToken.None));

        foreach (var recipient in recipients)
        {
            Assert.Single(await MailsEventuallyAsync(site, recipient, 1));
        }

        // The site's own background sender may have written a mail and not yet marked it sent.
        await EventuallyAsync(
            () => site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject == "Shared outbox" && m.SentAt == null)),
            unsent => unsent == 0, "every shared message marked sent");
        foreach (var recipient in recipients)
        {
            Assert.Single(MailsTo(site, recipient));
        }
    }

    private async Task<RegistrationResult> RegisterDirectlyAsync(Webinar webinar, string name, string email, string? organization = null) =>
        await WithAsync<RegisterForWebinar, RegistrationResult>(r => r.RegisterAsync(
            WebinarEvent.From(webinar), new RegistrationRequest(name, email, organization, null), CancellationToken.None));

    private Task<int> AddPastRegistrationAsync(Webinar webinar, string name, string email, RegistrationStatus status) =>
        site.WithDbAsync(async db =>
        {
            var registration = new Registration
            {
                WebinarId = webinar.Id, Name = name, Email = email, NormalizedEmail = Registration.Normalize(email),
                Organization = "Somewhere", Status = status, RegisteredAt = webinar.StartsUtc.AddDays(-7),
                ConsentedAt = webinar.StartsUtc.AddDays(-7), CancelToken = Registration.NewCancelToken(),
            };
            db.Registrations.Add(registration);
            await db.SaveChangesAsync();
            db.OutboxMessages.Add(new OutboxMessage
            {
                RegistrationId = registration.Id, Recipient = email, Subject = "Old mail", TextBody = "Old",
                CreatedAt = registration.RegisteredAt, NextAttemptAt = registration.RegisteredAt, SentAt = registration.RegisteredAt,
            });
            return await db.SaveChangesAsync();
        });

    private async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = site.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
