using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using JobQuality.Web.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace JobQuality.Web.Tests;

/// <summary>One page as Chromium saw it: its HTML as served, what axe-core found, what it logged, how wide it was.</summary>
public sealed record SurveyedPage(
    string Name, string Url, string Html, IReadOnlyList<string> Violations, IReadOnlyList<string> ConsoleErrors,
    int ScrollWidth, int ClientWidth, PageOutline Outline);

/// <summary>What a screen-reader user navigates by: headings, landmarks and the words of links.</summary>
public sealed record PageOutline(int H1Count, IReadOnlyList<string> MissingLandmarks, IReadOnlyList<string> VagueLinks, bool SkipLinkLeadsToMain);

/// <summary>
/// Visits every public page template and every editor screen once, in one Chromium, and keeps what
/// each check needs; the checks then read the same visit, so the browser walks the site only once.
/// </summary>
public static class PageSurvey
{
    public const int PhoneWidth = 375;
    private const int DesktopWidth = 1280;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (BrowserSite Site, Task<IReadOnlyList<SurveyedPage>> Pages)? _survey;

    /// <summary>The pages, visited on the first call; later calls, and a failure, are shared.</summary>
    public static async Task<IReadOnlyList<SurveyedPage>> PagesAsync(BrowserSite site, Chromium chromium)
    {
        Task<IReadOnlyList<SurveyedPage>> pages;
        await Gate.WaitAsync();
        try
        {
            if (_survey is not { } survey || !ReferenceEquals(survey.Site, site))
            {
                _survey = survey = (site, VisitAsync(site, chromium));
            }

            pages = survey.Pages;
        }
        finally
        {
            Gate.Release();
        }

        return await pages;
    }

    private static async Task<IReadOnlyList<SurveyedPage>> VisitAsync(BrowserSite site, Chromium chromium)
    {
        await site.EnsureAccountsAsync();
        var pages = new List<SurveyedPage>();
        var (visitor, visitorErrors) = await chromium.NewPageAsync(site.Address, DesktopWidth, withAxe: true);

        async Task Visit(string name, string path, string? screenshot = null) =>
            pages.Add(await CheckAsync(visitor, visitorErrors, name, () => visitor.GotoAsync(path), screenshot));

        await Visit("home", "/", "home");
        foreach (var kind in ContentKinds.All)
        {
            await Visit($"{kind.Segment()} listing", "/" + kind.Segment(), kind == ContentKind.ToolkitResource ? "toolkit" : null);
        }

        await Visit("toolkit listing, filtered", "/toolkit?dimension=scheduling&audience=business");
        await Visit("toolkit listing, nothing matches", "/toolkit?dimension=scheduling&type=no-such-type");
        foreach (var kind in ContentKinds.All.Where(k => k != ContentKind.Webinar))
        {
            var slug = await site.WithDbAsync(db => db.Content.AsNoTracking().Where(c => c.Kind == kind).OrderBy(c => c.Id).Select(c => c.Slug).FirstAsync());
            await Visit($"{kind.Segment()} page", kind.PathFor(slug));
        }

        await Visit("upcoming webinar", "/webinars/community-colleges-and-employer-partners", "webinar");
        await Visit("past webinar", "/webinars/scheduling-stability-in-retail");
        await Visit("topics", "/topics");
        await Visit("a topic", "/topics/scheduling");
        await Visit("search with results", "/search?q=living+wage", "search");
        await Visit("search with no results", "/search?q=zyzzogeton");
        await Visit("search without words", "/search");
        await Visit("feedback", "/feedback");
        await Visit("newsletter sign-up", "/newsletter");
        await Visit("newsletter thanks", "/newsletter/thanks");
        await Visit("page not found", "/no-such-page");
        await Visit("login", "/account/login");

        var webinar = await WebinarTesting.CreateAsync(site, capacity: 20);
        const string email = "page.survey@example.org";
        await visitor.GotoAsync("/webinars/" + webinar.Slug);
        await visitor.GetByLabel("Name", new() { Exact = true }).FillAsync("Page Survey");
        await visitor.GetByLabel("Email address").FillAsync(email);
        await visitor.GetByLabel("I have read the privacy notice").CheckAsync();
        pages.Add(await CheckAsync(visitor, visitorErrors, "registration confirmation",
            async () =>
            {
                var response = await visitor.RunAndWaitForResponseAsync(
                    () => visitor.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync(),
                    r => r.Request.Method == "POST" && r.Url.EndsWith("/register", StringComparison.Ordinal));
                await visitor.WaitForURLAsync("**/register");
                return response;
            }));
        var mail = (await WebinarTesting.MailsEventuallyAsync(site, email, 1))[0];
        await Visit("cancel registration", WebinarTesting.CancelLink(mail).PathAndQuery);

        var (editor, editorErrors) = await chromium.NewPageAsync(site.Address, DesktopWidth, withAxe: true);
        await editor.LogInAsync(EditorSite.AdminEmail);

        async Task Edit(string name, string path, string? screenshot = null) =>
            pages.Add(await CheckAsync(editor, editorErrors, name, () => editor.GotoAsync(path), screenshot));

        await Edit("editor dashboard", "/admin", "editor-dashboard");
        foreach (var kind in ContentKinds.All)
        {
            var id = await site.WithDbAsync(db => db.Content.AsNoTracking().Where(c => c.Kind == kind).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
            await Edit($"editor list of {kind.Segment()}", $"/admin/{kind.Segment()}");
            await Edit($"editor new {kind.Segment()}", $"/admin/{kind.Segment()}/new");
            await Edit($"editor edit {kind.Segment()}", $"/admin/{kind.Segment()}/{id}", kind == ContentKind.ToolkitResource ? "editor-edit" : null);
            await Edit($"editor history of {kind.Segment()}", $"/admin/{kind.Segment()}/{id}/history");
        }

        await Edit("editor media", "/admin/media");
        await Edit("editor accounts", "/admin/users");
        await Edit("editor audit log", "/admin/audit");
        await Edit("editor feedback", "/admin/feedback");
        await Edit("editor newsletter", "/admin/newsletter");
        await Edit("editor webinar registrations", $"/admin/webinars/{webinar.Slug}/registrations");

        await visitor.Context.CloseAsync();
        await editor.Context.CloseAsync();
        return pages;
    }

    private static async Task<SurveyedPage> CheckAsync(IPage page, List<string> errors, string name, Func<Task<IResponse?>> open, string? screenshot = null)
    {
        errors.Clear();
        await page.SetViewportSizeAsync(DesktopWidth, 900);
        var response = await open() ?? throw new InvalidOperationException($"The {name} page gave no response.");
        var html = await response.TextAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        var violations = await AxeAsync(page);
        var found = await page.EvaluateAsync<JsonElement>("""
            () => {
                const vague = /^(click here|here|read more|more|learn more|link|this page|details)$/i;
                const skip = document.querySelector('body > a.skip-link');
                return {
                    h1Count: document.querySelectorAll('h1').length,
                    missingLandmarks: ['header', 'nav', 'main', 'footer'].filter(tag => !document.querySelector('body > ' + tag + ', body > header ' + tag)),
                    vagueLinks: [...document.querySelectorAll('a[href]')].map(a => a.textContent.trim().replace(/\s+/g, ' ')).filter(text => vague.test(text)),
                    skipLinkLeadsToMain: skip !== null && skip.getAttribute('href') === '#main' && document.querySelector('main#main') !== null,
                };
            }
            """);
        static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
        var outline = new PageOutline(
            found.GetProperty("h1Count").GetInt32(), Strings(found.GetProperty("missingLandmarks")),
            Strings(found.GetProperty("vagueLinks")), found.GetProperty("skipLinkLeadsToMain").GetBoolean());
        if (screenshot is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(TestTools.ScreenshotFolder, $"{screenshot}-desktop.png") });
        }

        await page.SetViewportSizeAsync(PhoneWidth, 800);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (screenshot is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(TestTools.ScreenshotFolder, $"{screenshot}-phone.png") });
        }

        // A missing page is meant to answer 404, and Chromium logs every 404 response as an error.
        var logged = errors.Where(e => !(response.Status == 404 && e.StartsWith("Failed to load resource: the server responded with a status of 404", StringComparison.Ordinal))).ToList();
        return new SurveyedPage(name, page.Url, html, violations, logged, widths[0], widths[1], outline);
    }

    /// <summary>The serious and critical violations axe-core finds, one readable line each.</summary>
    private static async Task<IReadOnlyList<string>> AxeAsync(IPage page)
    {
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.slice(0, 5)
                        .map(n => `      at ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n'));
            }
            """);
        return found.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>Runs the Nu Html Checker once over every page and returns its errors, grouped by page.</summary>
    public static async Task<string> ValidateHtmlAsync(IReadOnlyList<SurveyedPage> pages)
    {
        var folder = Directory.CreateTempSubdirectory("jobquality-html-").FullName;
        try
        {
            var files = new Dictionary<string, SurveyedPage>(StringComparer.Ordinal);
            for (var i = 0; i < pages.Count; i++)
            {
                var file = Path.Combine(folder, $"page-{i:00}.html");
                await File.WriteAllTextAsync(file, pages[i].Html);
                files[file] = pages[i];
            }

            var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-jar", TestTools.VnuJar, "--format", "json", "--errors-only", "--exit-zero-always" }.Concat(files.Keys))
            {
                start.ArgumentList.Add(argument);
            }

            using var java = Process.Start(start)!;
            var output = java.StandardOutput.ReadToEndAsync();
            var report = await java.StandardError.ReadToEndAsync();
            await output;
            await java.WaitForExitAsync();

            using var json = JsonDocument.Parse(report);
            var text = new StringBuilder();
            foreach (var message in json.RootElement.GetProperty("messages").EnumerateArray())
            {
                var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? string.Empty : string.Empty;
                var page = files.FirstOrDefault(f => url.EndsWith(Path.GetFileName(f.Key), StringComparison.Ordinal)).Value is { } p ? $"{p.Name} ({p.Url})" : url;
                var line = message.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
                var extract = message.TryGetProperty("extract", out var e) ? e.GetString()?.ReplaceLineEndings(" ").Trim() : null;
                text.AppendLine(CultureInfo.InvariantCulture, $"{page}, line {line}: {message.GetProperty("message").GetString()}{(extract is null ? "" : $"\n      {extract}")}");
            }

            return text.ToString();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
