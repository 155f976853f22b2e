using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace JobQuality.Web.Tests;

/// <summary>The site on a real port behind a proxy on the same machine, with the sign-in limit as shipped.</summary>
public sealed class ProxiedSite : SiteFactory
{
    public ProxiedSite() => UseKestrel(0);

    public Uri Address
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "10");
    }
}

public sealed class ReverseProxyTests(ProxiedSite site) : IClassFixture<ProxiedSite>
{
    private HttpClient Through(string visitor, string scheme = "http")
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site.Address };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", visitor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", scheme);
        client.DefaultRequestHeaders.Host = "jobquality.example";
        return client;
    }

    [Fact]
    public async Task Behind_a_proxy_that_terminates_https_pages_demand_https_and_cookies_are_secure()
    {
        using var client = Through("198.51.100.20", "https");

        var response = await client.GetAsync("/account/login");

        Assert.Contains("max-age=", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Contains("secure", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Each_visitor_behind_the_proxy_has_a_sign_in_limit_of_their_own()
    {
        using var busy = Through("198.51.100.7");
        using var other = Through("198.51.100.8");
        var fields = new Dictionary<string, string> { ["Email"] = "guess@example.org", ["Password"] = "not a real password" };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await busy.PostFormAsync("/account/login", "/account/login", new(fields))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var another = await other.PostFormAsync("/account/login", "/account/login", new(fields));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, another.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, another.StatusCode);
        Assert.Contains("That email and password do not match an account", (await another.DocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class HeadRequestTests(ProxiedSite site) : IClassFixture<ProxiedSite>
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/toolkit", "text/html")]
    [InlineData("/feed.xml", "application/atom+xml")]
    public async Task Link_checkers_asking_with_head_get_the_headers_without_the_page(string path, string type)
    {
        using var client = new HttpClient { BaseAddress = site.Address };

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(type, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        var get = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains(type == "text/html" ? "</html>" : "</feed>", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path))).StatusCode);
    }
}
