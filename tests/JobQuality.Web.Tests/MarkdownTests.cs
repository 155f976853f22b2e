using JobQuality.Web.Content;

namespace JobQuality.Web.Tests;

public sealed class MarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("<a href=\"#\" onclick=\"steal()\">x</a>", "onclick")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "alert(1)")]
    [InlineData("[click](java&#09;script:alert(1))", "alert(1)")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>", "alert(1)")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "data:")]
    [InlineData("[x](vbscript:msgbox(1))", "vbscript")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>", "<iframe")]
    [InlineData("<form action=\"/steal\"><input name=q><button>Go</button></form>", "<form")]
    [InlineData("<form action=\"/steal\"><input name=q></form>", "name=\"q\"")]
    [InlineData("<svg onload=alert(1)><circle r=1 /></svg>", "onload")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>", "style")]
    [InlineData("<object data=\"evil.swf\"></object>", "<object")]
    [InlineData("<<script>script>alert(1)<</script>/script>", "<script")]
    public void Hostile_markup_does_not_survive_rendering(string markdown, string forbidden)
    {
        var html = MarkdownRenderer.Render(markdown);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Tables_task_lists_heading_ids_and_autolinks_render()
    {
        var html = MarkdownRenderer.Render(
            "## Pay and hours\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] to do\n\nSee https://example.org and [us](mailto:hello@example.org) or [the toolkit](/toolkit).");

        Assert.Contains("<h2 id=\"pay-and-hours\">", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>1</td>", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
        Assert.Contains("disabled", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org\">https://example.org</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:hello@example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/toolkit\"", html, StringComparison.Ordinal);
    }
}

public sealed class HostileContentSite : SiteFactory
{
    private readonly string _content;

    public HostileContentSite()
    {
        _content = Path.Combine(Folder, "content");
        Directory.CreateDirectory(Path.Combine(_content, "exemplars"));
        File.WriteAllText(Path.Combine(_content, "exemplars", "hostile.md"),
            "---\ntitle: \"<script>alert('title')</script>\"\nsummary: \"<img src=x onerror=alert(1)>\"\n---\n\n" +
            "Hello <script>alert(1)</script> <img src=x onerror=\"alert(2)\"> [x](javascript:alert(3)) <iframe src=//evil></iframe>\n");
    }

    public override string ContentPath => _content;
}

public sealed class HostileContentTests(HostileContentSite site) : IClassFixture<HostileContentSite>
{
    [Fact]
    public async Task A_page_made_from_hostile_content_carries_no_script_handler_or_javascript_link()
    {
        var page = await site.CreateClient().GetPageAsync("/exemplars/hostile");

        Assert.Empty(page.QuerySelectorAll("main script, main iframe, main object, main embed, main form"));
        var attributes = page.QuerySelectorAll("main *").SelectMany(e => e.Attributes).ToList();
        Assert.DoesNotContain(attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(attributes, a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("<script>alert('title')</script>", page.H1());
    }
}
