using System.Net;
using JobQuality.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Tests;

public sealed class EditorWorkflowTests(EditorSite site) : IClassFixture<EditorSite>
{
    private static Dictionary<string, string> Exemplar(string title, string body, string slug = "") => new()
    {
        ["Form.Title"] = title,
        ["Form.Slug"] = slug,
        ["Form.Summary"] = "A profile written in the editor.",
        ["Form.Body"] = body,
        ["Form.Profile"] = "organization",
        ["Form.Field"] = "business",
        ["Form.Organization"] = "Example Works",
        ["Form.Dimensions"] = "wages",
    };

    private async Task<(HttpClient Editor, string EditPath)> CreateAsync(Dictionary<string, string> fields, string intent = "draft", string kind = "exemplars")
    {
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        fields["intent"] = intent;
        var response = await editor.PostFormAsync($"/admin/{kind}/new", $"/admin/{kind}/new", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (editor, response.Headers.Location!.OriginalString.Split('?')[0]);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, string editPath, Dictionary<string, string> fields, string intent)
    {
        var form = await (await editor.GetAsync(editPath)).DocumentAsync();
        fields["Form.BaseRevision"] = form.QuerySelector("input[name='Form.BaseRevision']")!.GetAttribute("value")!;
        fields["intent"] = intent;
        return await editor.PostFormAsync(editPath, editPath, fields);
    }

    [Fact]
    public async Task A_draft_is_not_public_publishing_makes_it_public_and_unpublishing_takes_it_down()
    {
        var fields = Exemplar("Harbor Freight Cooperative", "| Measure | Before | After |\n|---|---|---|\n| Turnover | 60% | 25% |");
        var (editor, editPath) = await CreateAsync(fields);
        var visitor = site.CreateClient();
        await visitor.GetPageAsync("/exemplars/harbor-freight-cooperative", expectedStatus: 404);

        var published = await SaveAsync(editor, editPath, fields, "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await visitor.GetPageAsync("/exemplars/harbor-freight-cooperative");
        Assert.Equal("Harbor Freight Cooperative", page.H1());
        Assert.Equal("25%", page.QuerySelectorAll(".prose table td")[^1].TextContent);

        await SaveAsync(editor, editPath, fields, "unpublish");
        await visitor.GetPageAsync("/exemplars/harbor-freight-cooperative", expectedStatus: 404);
        var audit = await site.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == "/exemplars/harbor-freight-cooperative").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Published", "Unpublished"], audit);
    }

    [Fact]
    public async Task The_editor_preview_shows_a_draft_as_the_public_page_would()
    {
        var (editor, editPath) = await CreateAsync(Exemplar("Quiet Draft Profile", "## What changed\n\nSchedules posted **two weeks** ahead."));

        var preview = await editor.GetPageAsync(editPath + "/preview");

        Assert.Equal("Quiet Draft Profile", preview.H1());
        Assert.Contains("Draft", preview.QuerySelector(".preview-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("two weeks", preview.QuerySelector(".prose strong")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await site.Visitor().GetAsync(editPath + "/preview")).StatusCode);
    }

    [Fact]
    public async Task The_live_preview_renders_markdown_with_the_sites_own_pipeline()
    {
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        var token = await editor.TokenFromAsync("/admin/exemplars/new");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/preview")
        {
            Content = new FormUrlEncodedContent([new("markdown", "| a |\n|---|\n| 1 |\n\n<script>alert(1)</script>")]),
        };
        request.Headers.Add("RequestVerificationToken", token);

        var html = await (await editor.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal(MarkdownRenderer.Render("| a |\n|---|\n| 1 |\n\n<script>alert(1)</script>"), html);
        Assert.Contains("<td>1</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad Slug!", "lower-case letters")]
    [InlineData("-leading", "lower-case letters")]
    [InlineData("good-jobs-institute", "already uses the slug")]
    public async Task Slugs_must_be_well_formed_and_unique_within_their_kind(string slug, string message)
    {
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        var fields = Exemplar("Slug rules", "Body.", slug);
        fields["intent"] = "draft";

        var response = await editor.PostFormAsync("/admin/exemplars/new", "/admin/exemplars/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Form.Slug']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Body.", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_empty_slug_is_made_from_the_title_and_the_same_slug_may_serve_another_kind()
    {
        var (_, editPath) = await CreateAsync(Exemplar("Raise the Floor & Build Ladders: Ça Va!", "Body."));
        var slug = await site.WithDbAsync(db => db.Content.Where(c => c.Title.StartsWith("Raise the Floor &")).Select(c => c.Slug).SingleAsync());
        Assert.Equal("raise-the-floor-build-ladders-ca-va", slug);

        // "raise-the-floor-and-build-ladders" is a research slug; an exemplar may use it too.
        await CreateAsync(Exemplar("Another", "Body.", "raise-the-floor-and-build-ladders"));
        Assert.StartsWith("/admin/exemplars/", editPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_item_becomes_public_at_its_time_without_a_restart()
    {
        var fields = Exemplar("Scheduled Cooperative", "Body.");
        fields["Form.PublishAt"] = "2026-12-01T09:00";
        var (_, editPath) = await CreateAsync(fields, intent: "publish");
        var visitor = site.CreateClient();

        await visitor.GetPageAsync("/exemplars/scheduled-cooperative", expectedStatus: 404);
        var status = await site.WithDbAsync(db => db.Content.Where(c => c.Slug == "scheduled-cooperative").Select(c => new { c.Status, c.PublishAt }).SingleAsync());
        Assert.Equal(ContentStatus.Scheduled, status.Status);
        Assert.Equal(new DateTime(2026, 12, 1, 14, 0, 0, DateTimeKind.Utc), status.PublishAt);

        site.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 14, 0, 1, TimeSpan.Zero));
        Assert.Equal("Scheduled Cooperative", (await visitor.GetPageAsync("/exemplars/scheduled-cooperative")).H1());

        Assert.StartsWith("/admin/", editPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_save_keeps_a_revision_and_restoring_one_brings_its_words_back_as_a_new_revision()
    {
        var fields = Exemplar("Revision Works", "First words.");
        var (editor, editPath) = await CreateAsync(fields);
        fields["Form.Body"] = "Second words.";
        await SaveAsync(editor, editPath, fields, "draft");

        var history = await editor.GetPageAsync(editPath + "/history");
        Assert.Equal("First words.", history.QuerySelector(".diff del")!.TextContent);
        Assert.Equal("Second words.", history.QuerySelector(".diff ins")!.TextContent);

        var restored = await editor.PostFormAsync(editPath + "/revisions/1/restore", editPath + "/history", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);

        var id = int.Parse(editPath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var item = await site.WithDbAsync(db => db.Content.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("First words.", item.Body);
        Assert.Equal("<p>First words.</p>\n", item.BodyHtml);
        var notes = await site.WithDbAsync(db => db.Revisions.Where(r => r.ContentItemId == id).OrderBy(r => r.Number).Select(r => r.Note).ToListAsync());
        Assert.Equal(["Saved draft", "Saved draft", "Restored revision 1"], notes);
    }

    [Fact]
    public async Task A_save_over_someone_elses_newer_save_is_refused_and_keeps_the_text_on_screen()
    {
        var fields = Exemplar("Two Editors", "Original.");
        var (editor, editPath) = await CreateAsync(fields);
        var stale = await (await editor.GetAsync(editPath)).DocumentAsync();
        fields["Form.Body"] = "Saved first.";
        await SaveAsync(editor, editPath, fields, "draft");

        fields["Form.Body"] = "My careful rewrite.";
        fields["Form.BaseRevision"] = stale.QuerySelector("input[name='Form.BaseRevision']")!.GetAttribute("value")!;
        fields["intent"] = "draft";
        var response = await editor.PostFormAsync(editPath, editPath, fields);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Equal("My careful rewrite.", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        var id = int.Parse(editPath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Saved first.", await site.WithDbAsync(db => db.Content.Where(c => c.Id == id).Select(c => c.Body).SingleAsync()));
    }

    [Fact]
    public async Task Archiving_takes_an_item_off_the_site_and_restoring_brings_it_back_as_a_draft()
    {
        var fields = Exemplar("Archive Candidate", "Body.");
        var (editor, editPath) = await CreateAsync(fields, intent: "publish");
        await site.CreateClient().GetPageAsync("/exemplars/archive-candidate");

        await editor.PostFormAsync(editPath + "/archive", editPath, []);
        await site.CreateClient().GetPageAsync("/exemplars/archive-candidate", expectedStatus: 404);
        Assert.DoesNotContain(editPath, (await editor.GetPageAsync("/admin/exemplars")).QuerySelectorAll("table a").Select(a => a.GetAttribute("href")));
        Assert.Contains(editPath, (await editor.GetPageAsync("/admin/exemplars?status=archived")).QuerySelectorAll("table a").Select(a => a.GetAttribute("href")));

        await editor.PostFormAsync(editPath + "/unarchive", editPath, []);
        Assert.Contains(editPath, (await editor.GetPageAsync("/admin/exemplars?status=draft")).QuerySelectorAll("table a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Items_past_their_review_date_wait_on_the_dashboard_until_marked_reviewed()
    {
        var fields = Exemplar("Needs Review", "Body.");
        fields["Form.ReviewBy"] = "2026-01-01";
        var (editor, editPath) = await CreateAsync(fields);
        var dashboard = await editor.GetPageAsync("/admin");
        Assert.Contains(editPath, dashboard.QuerySelectorAll("section[aria-labelledby='review-heading'] a").Select(a => a.GetAttribute("href")));

        await editor.PostFormAsync(editPath + "/reviewed", "/admin", new() { ["returnUrl"] = "/admin" });

        dashboard = await editor.GetPageAsync("/admin");
        Assert.DoesNotContain(editPath, dashboard.QuerySelectorAll("section[aria-labelledby='review-heading'] a").Select(a => a.GetAttribute("href")));
        var id = int.Parse(editPath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(EditorSite.EditorEmail, await site.WithDbAsync(db => db.Content.Where(c => c.Id == id).Select(c => c.ReviewedBy).SingleAsync()));
    }

    [Fact]
    public async Task Every_kind_uses_the_same_form_with_its_own_fields()
    {
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        foreach (var (kind, field) in new[] { ("exemplars", "Form.Organization"), ("toolkit", "Form.Audiences"), ("research", "Form.Authors"), ("webinars", "Form.Starts") })
        {
            var page = await editor.GetPageAsync($"/admin/{kind}/new");
            foreach (var label in new[] { "Title", "Slug", "Summary", "Body", "Publish at" })
            {
                Assert.Contains(page.QuerySelectorAll("label"), l => l.TextContent.Trim() == label);
            }

            Assert.NotNull(page.QuerySelector($"[name='{field}']"));
            Assert.Equal(["Save draft", "Publish", "Preview the body"], page.QuerySelectorAll(".form-actions button").Select(b => b.TextContent.Trim()));
        }
    }

    [Fact]
    public async Task A_webinar_written_in_the_editor_keeps_its_time_zone()
    {
        var (_, _) = await CreateAsync(new()
        {
            ["Form.Title"] = "Editor Webinar",
            ["Form.Summary"] = "Made in the editor.",
            ["Form.Body"] = "Agenda.",
            ["Form.Starts"] = "2027-07-14T13:00",
            ["Form.TimeZone"] = "America/Chicago",
            ["Form.Duration"] = "90",
            ["Form.Capacity"] = "40",
        }, intent: "publish", kind: "webinars");

        var page = await site.CreateClient().GetPageAsync("/webinars/editor-webinar");

        Assert.Contains("1:00 PM (UTC−05:00, America/Chicago)", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
    }
}
