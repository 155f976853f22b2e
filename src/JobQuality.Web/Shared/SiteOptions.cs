namespace JobQuality.Web.Shared;

/// <summary>Facts about the public site that pages cannot learn from the request.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public address of the site, for canonical links, the feed and the sitemap.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5180";

    /// <summary>The base address without a trailing slash.</summary>
    public string Root => BaseUrl.TrimEnd('/');

    public string Absolute(string path) => Root + (path.StartsWith('/') ? path : "/" + path);
}
