using AngleSharp;
using AngleSharp.Dom;

namespace JobQuality.Web.Tests;

/// <summary>Reads pages the way a visitor sees them: headings, links, text.</summary>
public static class Html
{
    private static readonly IBrowsingContext Browser = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url, int expectedStatus = 200)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus,
            $"{url} answered {(int)response.StatusCode}, expected {expectedStatus}.");
        return await Browser.OpenAsync(request => request.Content(html).Address("http://localhost" + url));
    }

    public static string H1(this IDocument page) => page.QuerySelector("h1")?.TextContent.Trim() ?? string.Empty;

    /// <summary>The addresses of the cards listed on a page, in order.</summary>
    public static List<string> CardLinks(this IDocument page, string within = "main") =>
        page.QuerySelectorAll($"{within} .card-title a").Select(a => a.GetAttribute("href")!).ToList();
}
