using System.Globalization;
using System.Net;
using CsvHelper;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;
using static JobQuality.Web.Tests.WebinarTesting;

namespace JobQuality.Web.Tests;

/// <summary>The editors' page of a webinar's registrations, used through its links and forms.</summary>
public sealed class WebinarRegistrationsPageTests(EditorSite site) : IClassFixture<EditorSite>
{
    private async Task<Webinar> WithRegistrationsAsync(int capacity, params string[] people)
    {
        var webinar = await CreateAsync(site, capacity);
        using var visitor = site.CreateClient();
        foreach (var person in people)
        {
            var response = await RegisterAsync(visitor, webinar.Slug, person, $"{person.Replace(' ', '.').ToLowerInvariant()}@example.org", organization: "Fair Work, Inc.");
            Assert.True(response.IsSuccessStatusCode, $"registering {person} answered {(int)response.StatusCode}");
        }

        return webinar;
    }

    [Fact]
    public async Task An_editor_sees_the_counts_and_the_registrations_from_the_webinars_edit_page()
    {
        var webinar = await WithRegistrationsAsync(1, "Ada Seated", "Ben Waiting", "Cy Waiting");
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);

        var edit = await editor.GetPageAsync($"/admin/webinars/{webinar.Id}");
        var link = edit.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Registrations").GetAttribute("href");
        Assert.Equal($"/admin/webinars/{webinar.Slug}/registrations", link);
        var page = await editor.GetPageAsync(link!);

        Assert.Equal("1", page.QuerySelector("[data-count='confirmed']")!.TextContent);
        Assert.Equal("2", page.QuerySelector("[data-count='waitlisted']")!.TextContent);
        Assert.Equal("0", page.QuerySelector("[data-count='cancelled']")!.TextContent);
        var rows = page.QuerySelectorAll("table.registrations tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["Ada Seated", "Ben Waiting", "Cy Waiting"], rows.Select(r => r[0]));
        Assert.Equal(["ada.seated@example.org", "Fair Work, Inc.", "Confirmed", "2026-11-26 12:00"], rows[0][1..]);
        Assert.Equal("Waitlisted", rows[2][3]);
        Assert.Equal($"/admin/webinars/{webinar.Slug}/registrations.csv",
            page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Download CSV").GetAttribute("href"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_see_no_personal_data()
    {
        var webinar = await WithRegistrationsAsync(2, "Private Person");
        var visitor = site.Visitor();

        foreach (var path in new[] { "registrations", "registrations.csv" })
        {
            var response = await visitor.GetAsync($"/admin/webinars/{webinar.Slug}/{path}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.DoesNotContain("private.person", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        var publicPage = await site.CreateClient().GetStringAsync($"/webinars/{webinar.Slug}");
        Assert.DoesNotContain("private.person", publicPage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_csv_downloads_as_an_attachment_and_reads_back_with_a_header_row()
    {
        var webinar = await WithRegistrationsAsync(1, "Dee Seated", "Eve Waiting");
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);

        var response = await editor.GetAsync($"/admin/webinars/{webinar.Slug}/registrations.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        Assert.Equal(["Name", "Email", "Organization", "Status", "RegisteredAt"], csv.HeaderRecord!);
        var rows = new List<(string Name, string Email, string Organization, string Status, string RegisteredAt)>();
        while (await csv.ReadAsync())
        {
            rows.Add((csv.GetField("Name")!, csv.GetField("Email")!, csv.GetField("Organization")!, csv.GetField("Status")!, csv.GetField("RegisteredAt")!));
        }

        Assert.Equal(
            [("Dee Seated", "dee.seated@example.org", "Fair Work, Inc.", "Confirmed", "2026-11-26T12:00:00Z"),
             ("Eve Waiting", "eve.waiting@example.org", "Fair Work, Inc.", "Waitlisted", "2026-11-26T12:00:00Z")],
            rows);
    }

    [Fact]
    public async Task Changing_the_capacity_in_the_form_confirms_the_waitlist_in_order_and_mails_them()
    {
        var webinar = await WithRegistrationsAsync(1, "Fay Seated", "Gus First", "Hal Second", "Ivy Third");
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        var page = $"/admin/webinars/{webinar.Slug}/registrations";
        Assert.Equal("Change capacity", (await editor.GetPageAsync(page)).QuerySelector("form.capacity-form button")!.TextContent.Trim());

        var response = await editor.PostFormAsync($"/admin/webinars/{webinar.Slug}/capacity", page, new() { ["Form.Capacity"] = "3" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rows = await RegistrationsAsync(site, webinar.Id);
        Assert.Equal(
            [RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
            rows.Select(r => r.Status));
        Assert.Contains(await MailsEventuallyAsync(site, "gus.first@example.org", 2), m => m.Subject == $"A seat is yours: {webinar.Title}");
        Assert.Contains(await MailsEventuallyAsync(site, "hal.second@example.org", 2), m => m.Subject == $"A seat is yours: {webinar.Title}");
        Assert.DoesNotContain(MailsTo(site, "ivy.third@example.org"), m => m.Subject!.StartsWith("A seat is yours", StringComparison.Ordinal));
        var after = await editor.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("3", after.QuerySelector("[data-count='confirmed']")!.TextContent);
    }

    [Fact]
    public async Task Raising_the_seats_in_the_webinars_edit_form_also_confirms_the_waitlist()
    {
        var webinar = await WithRegistrationsAsync(1, "Jo Seated", "Kit Waiting", "Lu Waiting");
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        var editPath = $"/admin/webinars/{webinar.Id}";
        var form = (await editor.GetPageAsync(editPath)).QuerySelector("#editor-form")!;
        var fields = form.QuerySelectorAll("input, textarea, select")
            .Where(f => f.GetAttribute("name") is { } name && name != "__RequestVerificationToken"
                && (f.GetAttribute("type") != "checkbox" || f.HasAttribute("checked")))
            .GroupBy(f => f.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First() switch
            {
                AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value ?? string.Empty,
                AngleSharp.Html.Dom.IHtmlSelectElement select => select.Value ?? string.Empty,
                var input => input.GetAttribute("value") ?? string.Empty,
            });
        fields["Form.Capacity"] = "2";
        fields["intent"] = "publish";

        var response = await editor.PostFormAsync(editPath, editPath, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(
            [RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
            (await RegistrationsAsync(site, webinar.Id)).Select(r => r.Status));
        Assert.Contains(await MailsEventuallyAsync(site, "kit.waiting@example.org", 2), m => m.Subject == $"A seat is yours: {webinar.Title}");
    }

    [Fact]
    public async Task A_capacity_below_one_is_explained_next_to_the_field()
    {
        var webinar = await WithRegistrationsAsync(2);
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        var page = $"/admin/webinars/{webinar.Slug}/registrations";

        var response = await editor.PostFormAsync($"/admin/webinars/{webinar.Slug}/capacity", page, new() { ["Form.Capacity"] = "0" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at least one seat", (await response.DocumentAsync()).QuerySelector("[data-valmsg-for='Form.Capacity']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await site.WithDbAsync(db => db.Webinars.Where(w => w.Id == webinar.Id).Select(w => w.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task Erasing_from_the_page_removes_personal_data_and_keeps_the_counts()
    {
        var webinar = await CreateAsync(site, capacity: 1, startsIn: TimeSpan.FromDays(-200));
        await site.WithDbAsync(async db =>
        {
            foreach (var (name, status) in new[] { ("Old Seated", RegistrationStatus.Confirmed), ("Old Waiting", RegistrationStatus.Waitlisted), ("Old Gone", RegistrationStatus.Cancelled) })
            {
                var email = name.Replace(' ', '.').ToLowerInvariant() + "@example.org";
                db.Registrations.Add(new Registration
                {
                    WebinarId = webinar.Id, Name = name, Email = email, NormalizedEmail = Registration.Normalize(email),
                    Organization = "Somewhere", Status = status, RegisteredAt = webinar.StartsUtc.AddDays(-7), ConsentedAt = webinar.StartsUtc.AddDays(-7),
                });
            }

            return await db.SaveChangesAsync();
        });
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        var page = $"/admin/webinars/{webinar.Slug}/registrations";
        var before = await editor.GetPageAsync(page);
        Assert.Contains("cannot be undone", before.QuerySelector(".danger-zone")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Erase personal data", before.QuerySelector(".danger-zone button")!.TextContent.Trim());

        var response = await editor.PostFormAsync($"/admin/webinars/{webinar.Slug}/erase", page, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await editor.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(["1", "1", "1"], after.QuerySelectorAll("[data-count]").Select(c => c.TextContent));
        Assert.DoesNotContain("@example.org", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector(".danger-zone button"));
        Assert.All(await RegistrationsAsync(site, webinar.Id), r => Assert.Null(r.Email));
    }

    [Fact]
    public async Task A_webinar_still_within_the_retention_period_offers_no_erasure_and_refuses_one()
    {
        var webinar = await CreateAsync(site, capacity: 1, startsIn: TimeSpan.FromDays(-10));
        await site.WithDbAsync(async db =>
        {
            db.Registrations.Add(new Registration
            {
                WebinarId = webinar.Id, Name = "Recent", Email = "recent.keep@example.org", NormalizedEmail = Registration.Normalize("recent.keep@example.org"),
                Status = RegistrationStatus.Confirmed, RegisteredAt = webinar.StartsUtc.AddDays(-7), ConsentedAt = webinar.StartsUtc.AddDays(-7),
            });
            return await db.SaveChangesAsync();
        });
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        var page = $"/admin/webinars/{webinar.Slug}/registrations";
        Assert.Null((await editor.GetPageAsync(page)).QuerySelector(".danger-zone button"));

        var response = await editor.PostFormAsync($"/admin/webinars/{webinar.Slug}/erase", page, []);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("recent.keep@example.org", Assert.Single(await RegistrationsAsync(site, webinar.Id)).Email);
    }

    [Fact]
    public async Task Registration_closes_at_the_time_set_in_the_editor_in_the_webinars_own_time_zone()
    {
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        Dictionary<string, string> Webinar(string title, string closes) => new()
        {
            ["Form.Title"] = title,
            ["Form.Summary"] = "Made in the editor.",
            ["Form.Body"] = "Agenda.",
            ["Form.Starts"] = "2026-12-10T13:00",
            ["Form.TimeZone"] = "America/Chicago",
            ["Form.Duration"] = "60",
            ["Form.RegistrationCloses"] = closes,
            ["intent"] = "publish",
        };

        // The clock stands at 12:00 UTC, which is 06:00 in Chicago.
        var closed = await editor.PostFormAsync("/admin/webinars/new", "/admin/webinars/new", Webinar("Closes Just Before Now", "2026-11-26T05:59"));
        var open = await editor.PostFormAsync("/admin/webinars/new", "/admin/webinars/new", Webinar("Closes Just After Now", "2026-11-26T06:01"));
        var late = await editor.PostFormAsync("/admin/webinars/new", "/admin/webinars/new", Webinar("Closes After The Start", "2026-12-10T13:30"));

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal(new DateTime(2026, 11, 26, 11, 59, 0, DateTimeKind.Utc),
            await site.WithDbAsync(db => db.Webinars.Where(w => w.Slug == "closes-just-before-now").Select(w => w.RegistrationClosesUtc).SingleAsync()));
        var editPage = await editor.GetPageAsync(closed.Headers.Location!.OriginalString.Split('?')[0]);
        Assert.Equal("2026-11-26T05:59", editPage.QuerySelector("input[name='Form.RegistrationCloses']")!.GetAttribute("value")![..16]);

        using var visitor = site.CreateClient();
        Assert.Equal(HttpStatusCode.Conflict, (await RegisterAsync(visitor, "closes-just-before-now", "Too Late", "too.late@example.org", await FormTokenAsync(visitor, "/webinars/closes-just-after-now"))).StatusCode);
        Assert.True((await RegisterAsync(visitor, "closes-just-after-now", "In Time", "in.time@example.org")).IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("before the webinar starts",
            (await late.DocumentAsync()).QuerySelector("[data-valmsg-for='Form.RegistrationCloses']")!.TextContent, StringComparison.Ordinal);
    }
}
