namespace JobQuality.Web;

/// <summary>Facts about the site itself (section <c>Site</c>).</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public address, for links that leave the site, such as those in mail.</summary>
    public Uri BaseUrl { get; set; } = new("http://localhost:5180");

    public Uri Link(string path) => new(BaseUrl, path);
}
