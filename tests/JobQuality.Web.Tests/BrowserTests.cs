namespace JobQuality.Web.Tests;

/// <summary>The browser tests share one site on a real port and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserSite>, ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
