using System.Net;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;
using static JobQuality.Web.Tests.WebinarTesting;

namespace JobQuality.Web.Tests;

public sealed class RegistrationTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Twenty_people_registering_at_once_for_five_seats_get_five_seats_and_fifteen_waitlist_places()
    {
        var webinar = await CreateAsync(site, capacity: 5);
        var token = await FormTokenAsync(_client, webinar.Path);

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            RegisterAsync(_client, webinar.Slug, $"Person {i}", $"person{i}@example.org", token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var answers = await Task.WhenAll(responses.Select(async r =>
            (await r.ReadPageAsync()).QuerySelector("[data-status]")!.GetAttribute("data-status")));
        Assert.Equal(5, answers.Count(a => a == "Confirmed"));
        Assert.Equal(15, answers.Count(a => a == "Waitlisted"));

        var rows = await RegistrationsAsync(site, webinar.Id);
        Assert.Equal(20, rows.Count);
        Assert.Equal(5, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(15, rows.Count(r => r.Status == RegistrationStatus.Waitlisted));
        Assert.Equal(5, await site.WithDbAsync(db => db.Webinars.Where(w => w.Id == webinar.Id).Select(w => w.SeatsTaken).SingleAsync()));

        var waitlisted = rows.First(r => r.Status == RegistrationStatus.Waitlisted);
        var mail = Assert.Single(await MailsEventuallyAsync(site, waitlisted.Email!, 1));
        Assert.StartsWith("You are on the waitlist", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_again_with_the_same_email_in_other_letters_adds_no_row_and_sends_the_mail_again()
    {
        var webinar = await CreateAsync(site, capacity: 10);

        var first = await RegisterAsync(_client, webinar.Slug, "Ana Ruiz", "ana.ruiz@example.org");
        var again = await RegisterAsync(_client, webinar.Slug, "Ana Ruiz", "  Ana.RUIZ@Example.org ");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await again.ReadPageAsync();
        Assert.Equal("Confirmed", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains("already registered", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(await RegistrationsAsync(site, webinar.Id));
        Assert.Equal("ana.ruiz@example.org", row.Email);
        var mails = await MailsEventuallyAsync(site, "ana.ruiz@example.org", 2);
        Assert.All(mails, m => Assert.StartsWith("You are registered", m.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_email_registering_several_times_at_once_gets_one_row()
    {
        var webinar = await CreateAsync(site, capacity: 3);
        var token = await FormTokenAsync(_client, webinar.Path);

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            RegisterAsync(_client, webinar.Slug, "Sam Okafor", i % 2 == 0 ? "sam.okafor@example.org" : "SAM.Okafor@example.org", token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var row = Assert.Single(await RegistrationsAsync(site, webinar.Id));
        Assert.Equal(RegistrationStatus.Confirmed, row.Status);
        Assert.Equal(1, await site.WithDbAsync(db => db.Webinars.Where(w => w.Id == webinar.Id).Select(w => w.SeatsTaken).SingleAsync()));
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_active_registration_for_one_email()
    {
        var webinar = await CreateAsync(site, capacity: null);
        Registration Row(string email, RegistrationStatus status) => new()
        {
            WebinarId = webinar.Id, Name = "Twin", Email = email, NormalizedEmail = Registration.Normalize(email),
            Status = status, RegisteredAt = webinar.PublishAt!.Value, ConsentedAt = webinar.PublishAt!.Value,
            CancelToken = Registration.NewCancelToken(),
        };

        await site.WithDbAsync(db =>
        {
            db.Registrations.AddRange(Row("twin@example.org", RegistrationStatus.Cancelled), Row("Twin@Example.org", RegistrationStatus.Confirmed));
            return db.SaveChangesAsync();
        });
        var second = site.WithDbAsync(db =>
        {
            db.Registrations.Add(Row("TWIN@example.org", RegistrationStatus.Waitlisted));
            return db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => second);
    }

    [Fact]
    public async Task The_mailed_cancel_link_asks_first_then_frees_the_seat_for_the_first_on_the_waitlist()
    {
        var webinar = await CreateAsync(site, capacity: 1);
        await RegisterAsync(_client, webinar.Slug, "Seated Person", "seated@example.org", organization: "Home Care Co-op");
        await RegisterAsync(_client, webinar.Slug, "First Waiting", "first.waiting@example.org");
        await RegisterAsync(_client, webinar.Slug, "Second Waiting", "second.waiting@example.org");

        var confirmation = Assert.Single(await MailsEventuallyAsync(site, "seated@example.org", 1));
        Assert.Equal("Seated Person", confirmation.To.Mailboxes.Single().Name);
        Assert.Equal($"You are registered: {webinar.Title}", confirmation.Subject);
        var calendar = Assert.Single(confirmation.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("text/calendar", calendar.ContentType.MimeType);
        var link = CancelLink(confirmation);
        Assert.StartsWith($"http://localhost:5180/webinars/{webinar.Slug}/cancel/", link.ToString(), StringComparison.Ordinal);

        var ask = await _client.GetPageAsync(link.PathAndQuery);
        Assert.Equal("Cancel registration", ask.QuerySelector("main form button")!.TextContent.Trim());
        Assert.Equal(RegistrationStatus.Confirmed, (await RegistrationsAsync(site, webinar.Id))[0].Status);

        var token = ask.QuerySelector("form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var cancelled = await _client.PostAsync(link.PathAndQuery, form);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Your registration is cancelled", (await cancelled.ReadPageAsync()).QuerySelector("h1")!.TextContent);
        var rows = await RegistrationsAsync(site, webinar.Id);
        Assert.Equal(
            [RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
            rows.Select(r => r.Status));
        var promotion = (await MailsEventuallyAsync(site, "first.waiting@example.org", 2))
            .Single(m => m.Subject!.StartsWith("A seat is yours", StringComparison.Ordinal));
        Assert.Single(promotion.Attachments);
        Assert.DoesNotContain(MailsTo(site, "second.waiting@example.org"), m => m.Subject!.StartsWith("A seat", StringComparison.Ordinal));
        Assert.Equal(1, await site.WithDbAsync(db => db.Webinars.Where(w => w.Id == webinar.Id).Select(w => w.SeatsTaken).SingleAsync()));

        var askAgain = await _client.GetPageAsync(link.PathAndQuery);
        Assert.Null(askAgain.QuerySelector("main form button"));
    }

    [Fact]
    public async Task An_unknown_cancel_link_is_not_found()
    {
        var webinar = await CreateAsync(site, capacity: 3);

        await _client.GetPageAsync($"{webinar.Path}/cancel/not-a-real-token", expectedStatus: 404);
    }

    [Fact]
    public async Task An_upcoming_webinar_offers_a_labelled_form_with_the_privacy_notice()
    {
        var webinar = await CreateAsync(site, capacity: 40);

        var page = await _client.GetPageAsync(webinar.Path);

        var form = page.QuerySelector("form.registration-form")!;
        Assert.Equal($"/webinars/{webinar.Slug}/register", form.GetAttribute("action"));
        foreach (var name in new[] { "Name", "Email", "Organization", "FieldOfPractice", "Consent" })
        {
            var input = form.QuerySelector($"[name='{name}']:not([type='hidden'])")!;
            Assert.NotNull(form.QuerySelector($"label[for='{input.Id}']"));
        }

        Assert.Equal(8, form.QuerySelectorAll("select[name='FieldOfPractice'] option").Length);
        Assert.Contains("Privacy notice", form.TextContent, StringComparison.Ordinal);
        Assert.Contains("40 (40 left)", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(("Add to your calendar", $"{webinar.Path}/calendar.ics"),
            page.QuerySelectorAll(".actions a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))));
    }

    [Fact]
    public async Task Missing_or_wrong_fields_are_explained_next_to_each_field_with_a_400()
    {
        var webinar = await CreateAsync(site, capacity: 5);

        var response = await RegisterAsync(_client, webinar.Slug, "", "not-an-address", field: "astrology", consent: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Enter your name.", page.QuerySelector("#Name-error")!.TextContent);
        Assert.Equal("Enter an email address such as name@example.org.", page.QuerySelector("#Email-error")!.TextContent);
        Assert.Contains("from the list", page.QuerySelector("#FieldOfPractice-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("privacy notice", page.QuerySelector("#Consent-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("not-an-address", page.QuerySelector("input[name='Email']")!.GetAttribute("value"));
        Assert.Empty(await RegistrationsAsync(site, webinar.Id));
    }

    [Fact]
    public async Task A_past_webinar_shows_no_form_and_refuses_a_registration_with_a_clear_message()
    {
        var open = await CreateAsync(site, capacity: 5, startsIn: TimeSpan.FromHours(2));
        var token = await FormTokenAsync(_client, open.Path);
        var past = await CreateAsync(site, capacity: 5, startsIn: TimeSpan.FromDays(-3));

        var page = await _client.GetPageAsync(past.Path);
        var response = await RegisterAsync(_client, past.Slug, "Late Comer", "late@example.org", token);

        Assert.Null(page.QuerySelector("form.registration-form"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Registration has closed", (await response.ReadPageAsync()).QuerySelector("h1")!.TextContent);
        Assert.Empty(await RegistrationsAsync(site, past.Id));
    }

    [Fact]
    public async Task Registration_closes_at_the_time_an_editor_set_before_the_start()
    {
        var webinar = await CreateAsync(site, capacity: null, startsIn: TimeSpan.FromDays(2), registrationClosesIn: TimeSpan.FromHours(-1));
        var open = await CreateAsync(site, capacity: null);
        var token = await FormTokenAsync(_client, open.Path);

        var page = await _client.GetPageAsync(webinar.Path);
        var response = await RegisterAsync(_client, webinar.Slug, "Late Comer", "late.too@example.org", token);

        Assert.Null(page.QuerySelector("form.registration-form"));
        Assert.Contains("Registration for this webinar has closed.", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_webinar_without_a_capacity_confirms_everyone()
    {
        var webinar = await CreateAsync(site, capacity: null);
        var token = await FormTokenAsync(_client, webinar.Path);

        await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            RegisterAsync(_client, webinar.Slug, $"Guest {i}", $"guest{i}@example.org", token)));

        Assert.All(await RegistrationsAsync(site, webinar.Id), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
    }

    [Fact]
    public async Task The_calendar_file_gives_the_start_end_uid_title_and_link_of_the_webinar()
    {
        var webinar = await CreateAsync(site, capacity: 5);

        var response = await _client.GetAsync($"{webinar.Path}/calendar.ics");
        var again = await _client.GetStringAsync($"{webinar.Path}/calendar.ics");

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal(webinar.StartsUtc, calendarEvent.DtStart!.AsUtc);
        Assert.Equal(webinar.StartsUtc.AddMinutes(90), calendarEvent.DtEnd!.AsUtc);
        Assert.Equal(webinar.Title, calendarEvent.Summary);
        Assert.Equal(new Uri($"http://localhost:5180{webinar.Path}"), calendarEvent.Url);
        Assert.Equal($"webinar-{webinar.Id}@localhost", calendarEvent.Uid);
        Assert.Equal(text, again);
    }
}
