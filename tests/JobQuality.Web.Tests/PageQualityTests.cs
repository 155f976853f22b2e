namespace JobQuality.Web.Tests;

/// <summary>Every public page template and every editor screen, checked in Chromium.</summary>
[Collection(BrowserTests.Name)]
public sealed class PageQualityTests(BrowserSite site, Chromium chromium)
{
    [Fact]
    public async Task Every_page_passes_the_Nu_Html_Checker_without_errors()
    {
        var pages = await PageSurvey.PagesAsync(site, chromium);

        var errors = await PageSurvey.ValidateHtmlAsync(pages);

        Assert.True(errors.Length == 0, "The Nu Html Checker found errors:\n" + errors);
    }

    [Fact]
    public async Task Every_page_has_no_serious_or_critical_accessibility_violations()
    {
        var pages = await PageSurvey.PagesAsync(site, chromium);

        var failing = pages.Where(p => p.Violations.Count > 0).Select(p => $"{p.Name} ({p.Url}):\n  " + string.Join("\n  ", p.Violations)).ToList();

        Assert.True(failing.Count == 0, "axe-core found serious or critical violations:\n" + string.Join("\n", failing));
    }

    [Fact]
    public async Task No_page_logs_a_console_error()
    {
        var pages = await PageSurvey.PagesAsync(site, chromium);

        var failing = pages.Where(p => p.ConsoleErrors.Count > 0).Select(p => $"{p.Name} ({p.Url}):\n  " + string.Join("\n  ", p.ConsoleErrors)).ToList();

        Assert.True(failing.Count == 0, "Pages logged errors:\n" + string.Join("\n", failing));
    }

    [Fact]
    public async Task Every_page_fits_a_375_px_phone_without_sideways_scrolling()
    {
        var pages = await PageSurvey.PagesAsync(site, chromium);

        var failing = pages.Where(p => p.ScrollWidth > p.ClientWidth).Select(p => $"{p.Name} ({p.Url}) is {p.ScrollWidth} px wide").ToList();

        Assert.True(failing.Count == 0, $"Pages scroll sideways at {PageSurvey.PhoneWidth} px:\n" + string.Join("\n", failing));
    }

    [Fact]
    public async Task Every_page_has_one_h1_landmarks_a_skip_link_and_links_that_say_where_they_lead()
    {
        var pages = await PageSurvey.PagesAsync(site, chromium);

        var failing = pages.SelectMany(p => Problems(p).Select(problem => $"{p.Name} ({p.Url}): {problem}")).ToList();

        Assert.True(failing.Count == 0, string.Join("\n", failing));
    }

    private static IEnumerable<string> Problems(SurveyedPage page)
    {
        var outline = page.Outline;
        if (outline.H1Count != 1)
        {
            yield return $"{outline.H1Count} h1 elements";
        }

        foreach (var landmark in outline.MissingLandmarks)
        {
            // The editor's screens have no footer; every other landmark is on every page.
            if (landmark != "footer" || !new Uri(page.Url).AbsolutePath.StartsWith("/admin", StringComparison.Ordinal))
            {
                yield return $"no {landmark}";
            }
        }

        foreach (var link in outline.VagueLinks)
        {
            yield return $"a link that says only “{link}”";
        }

        if (!outline.SkipLinkLeadsToMain)
        {
            yield return "no skip link to the main content";
        }
    }
}
