using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace JobQuality.Web.Tests;

/// <summary>A site with the limits as shipped.</summary>
public sealed class ShippedLimitsSite : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Registrations:PermitLimit", "30");
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "10");
    }
}

public sealed class RateLimitTests(ShippedLimitsSite site) : IClassFixture<ShippedLimitsSite>
{
    [Fact]
    public async Task An_office_behind_one_address_gets_twenty_registrations_through_but_a_burst_of_forty_is_refused_in_part()
    {
        var client = site.CreateClient();
        var webinar = await WebinarTesting.CreateAsync(site, capacity: null);
        var token = await WebinarTesting.FormTokenAsync(client, webinar.Path);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            var response = await WebinarTesting.RegisterAsync(client, webinar.Slug, $"Colleague {i}", $"colleague{i}@example.org", token);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a refusal says when to try again");
            }
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Contains(HttpStatusCode.OK, statuses.Skip(20));
    }

    [Fact]
    public async Task Rapid_sign_in_attempts_from_one_address_are_refused_with_retry_after()
    {
        var client = site.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            var response = await client.PostFormAsync("/account/login", "/account/login",
                new() { ["Email"] = $"guess{i}@example.org", ["Password"] = "not a real password" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(10));
    }
}

public sealed class SecurityHeaderTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/toolkit")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await site.CreateClient().GetAsync(path);
        string Header(string name) => string.Join(",", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);

        var csp = Header("Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_responses_demand_https_for_a_year_and_cookies_are_secure()
    {
        var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://jobquality.example") });

        var response = await client.GetAsync("/account/login");

        var hsts = string.Join(",", response.Headers.GetValues("Strict-Transport-Security"));
        var maxAge = int.Parse(System.Text.RegularExpressions.Regex.Match(hsts, "max-age=(\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= 31_536_000, hsts);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class OversizedInputTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_a_4xx_and_nothing_is_stored()
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.Address) };
        var token = await client.TokenFromAsync("/feedback");
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Topic", "Other"), new("Message", new string('x', 3 * 1024 * 1024))]);

        var response = await client.PostAsync("/feedback", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(0, await site.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Feedback)));
    }
}
