namespace JobQuality.Web;

/// <summary>Facts about the public site that a request cannot tell (section <c>Site</c>).</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public address: canonical links, the feed, the sitemap, links in mail and calendar files.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5180";

    /// <summary>The most addresses the sitemap protocol allows in one file.</summary>
    public const int SitemapProtocolLimit = 50_000;

    /// <summary>
    /// The most addresses one sitemap file lists, at most the protocol's limit. Past it,
    /// <c>/sitemap.xml</c> is an index of numbered sitemaps.
    /// </summary>
    public int UrlsPerSitemap { get; set; } = SitemapProtocolLimit;

    /// <summary>The base address without a trailing slash.</summary>
    public string Root => BaseUrl.TrimEnd('/');

    public string Absolute(string path) => Root + (path.StartsWith('/') ? path : "/" + path);

    public Uri Link(string path) => new(Absolute(path));
}
