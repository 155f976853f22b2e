using JobQuality.Web.Webinars;
using Microsoft.Playwright;

namespace JobQuality.Web.Tests;

/// <summary>
/// What a visitor does on the public site, done in Chromium with JavaScript turned off: every
/// public feature is plain links and forms.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class VisitorBrowserTests(BrowserSite site, Chromium chromium)
{
    [Fact]
    public async Task A_visitor_filters_the_toolkit_by_dimension_and_audience_and_the_choices_stay_chosen()
    {
        var (page, errors) = await chromium.NewPageAsync(site.Address, javaScript: false);
        await page.GotoAsync("/toolkit");
        var everything = await page.Locator(".card").CountAsync();

        await page.GetByLabel("Dimension of job quality").SelectOptionAsync("scheduling");
        await page.GetByLabel("Who it is for").SelectOptionAsync("business");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync("**/toolkit?*");

        Assert.Contains("dimension=scheduling", page.Url, StringComparison.Ordinal);
        Assert.Contains("audience=business", page.Url, StringComparison.Ordinal);
        Assert.Equal("scheduling", await page.GetByLabel("Dimension of job quality").InputValueAsync());
        Assert.Equal("business", await page.GetByLabel("Who it is for").InputValueAsync());
        var titles = await page.Locator(".card .card-title").AllTextContentsAsync();
        Assert.Contains(titles, t => t.Contains("Scheduling stability checklist", StringComparison.OrdinalIgnoreCase));
        Assert.InRange(titles.Count, 1, everything - 1);
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Clear all filters" }).CountAsync());
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_visitor_searches_from_the_header_and_sees_the_words_highlighted()
    {
        var (page, errors) = await chromium.NewPageAsync(site.Address, javaScript: false);
        await page.GotoAsync("/research");

        await page.GetByRole(AriaRole.Search).GetByLabel("Search the site").FillAsync("living wage");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=living+wage");

        Assert.StartsWith("Showing 1–", await page.Locator("#results-heading").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".search-results > li").CountAsync() > 0);
        var marked = await page.Locator(".search-results mark").AllTextContentsAsync();
        Assert.Contains(marked, m => m.Equals("living", StringComparison.OrdinalIgnoreCase) || m.Equals("wage", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("living wage", await page.GetByLabel("Search for").InputValueAsync());
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_visitor_registers_for_a_webinar_and_cancels_from_the_link_in_the_mail()
    {
        var webinar = await WebinarTesting.CreateAsync(site, capacity: 30);
        const string email = "amara.browser@example.org";
        var (page, errors) = await chromium.NewPageAsync(site.Address, javaScript: false);
        await page.GotoAsync("/webinars/" + webinar.Slug);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Amara Okoye");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Field of practice (optional)").SelectOptionAsync("business");
        await page.GetByLabel("I have read the privacy notice").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await page.Locator("[data-status='Confirmed']").WaitForAsync();
        Assert.Contains("is confirmed", await page.Locator("[data-status='Confirmed']").TextContentAsync(), StringComparison.Ordinal);

        var mail = (await WebinarTesting.MailsEventuallyAsync(site, email, 1))[0];
        await page.GotoAsync(WebinarTesting.CancelLink(mail).PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel registration" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Your registration is cancelled" }).WaitForAsync();
        var registration = Assert.Single(await WebinarTesting.RegistrationsAsync(site, webinar.Id));
        Assert.Equal(RegistrationStatus.Cancelled, registration.Status);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_for_the_keyboard_and_moves_focus_to_the_main_content()
    {
        var (page, _) = await chromium.NewPageAsync(site.Address);
        await page.GotoAsync("/toolkit");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        Assert.True(await skip.EvaluateAsync<bool>("link => link === document.activeElement"));
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Y: >= 0, Height: > 0 }, "The focused skip link is on screen.");
        Assert.NotEqual("none", await skip.EvaluateAsync<string>("link => getComputedStyle(link).outlineStyle"));

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Context.CloseAsync();
    }
}
