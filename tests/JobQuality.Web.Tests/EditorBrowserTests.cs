using Microsoft.Playwright;

namespace JobQuality.Web.Tests;

[Collection(BrowserTests.Name)]
public sealed class EditorBrowserTests(BrowserSite site, Chromium chromium)
{
    [Fact]
    public async Task An_editor_writes_previews_drafts_publishes_and_restores_an_exemplar_in_the_browser()
    {
        await site.EnsureAccountsAsync();
        var (page, errors) = await chromium.NewPageAsync(site.Address);
        var visitor = site.CreateClient();

        await page.LogInAsync(EditorSite.EditorEmail);

        await page.GotoAsync("/admin/exemplars/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Riverside Care Cooperative");
        Assert.Equal("riverside-care-cooperative", await page.GetByLabel("Slug").InputValueAsync());
        await page.GetByLabel("Summary").FillAsync("A home care cooperative owned by its caregivers.");
        await page.Locator(".CodeMirror").ClickAsync();
        await page.Keyboard.InsertTextAsync("## Pay\n\n| Role | Hourly wage |\n|---|---|\n| Caregiver | $21.50 |\n");

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        var previewCell = page.Locator(".editor-preview td", new() { HasText = "$21.50" });
        await previewCell.WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.GetByText("Draft saved.").WaitForAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await visitor.GetAsync("/exemplars/riverside-care-cooperative")).StatusCode);

        await page.Locator(".CodeMirror").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.InsertTextAsync("\n\nEveryone is paid for travel time.\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByText("Published.").WaitForAsync();

        await page.GotoAsync("/exemplars/riverside-care-cooperative");
        Assert.Equal("$21.50", await page.Locator(".prose table td").Nth(1).TextContentAsync());
        Assert.Equal(1, await page.Locator(".prose p", new() { HasText = "paid for travel time" }).CountAsync());

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "History and revisions" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore revision 1" }).ClickAsync();
        await page.GetByText("The revision was restored as a new revision.").WaitForAsync();

        await page.GotoAsync("/exemplars/riverside-care-cooperative");
        Assert.Equal(0, await page.Locator(".prose p", new() { HasText = "paid for travel time" }).CountAsync());
        Assert.Equal("$21.50", await page.Locator(".prose table td").Nth(1).TextContentAsync());
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
