using System.Net;
using JobQuality.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JobQuality.Web.Tests;

public sealed class EditorAccessTests(EditorSite site) : IClassFixture<EditorSite>
{
    /// <summary>Every endpoint of the app, with an address a request can use.</summary>
    private List<(string Url, string Method, RouteEndpoint Endpoint)> Endpoints()
    {
        _ = site.Server;
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var list = new List<(string, string, RouteEndpoint)>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern;
            var segments = pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p when p.Name == "kind" => "exemplars",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content == "int") => "1",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => "sample-" + p.Name,
                _ => string.Empty,
            })));
            var url = "/" + string.Join('/', segments);
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            list.AddRange(methods.Select(m => (url, m, endpoint)));
        }

        return list;
    }

    private static HttpRequestMessage Request(string method, string url) =>
        new(new HttpMethod(method), url) { Content = method == "POST" ? new FormUrlEncodedContent([]) : null };

    [Fact]
    public async Task Every_admin_endpoint_sends_an_anonymous_visitor_to_sign_in()
    {
        var admin = Endpoints().Where(e => e.Url.StartsWith("/admin", StringComparison.Ordinal)).ToList();
        Assert.True(admin.Count >= 15, $"only {admin.Count} admin endpoints found");
        var client = site.Visitor();

        foreach (var (url, method, _) in admin)
        {
            var response = await client.SendAsync(Request(method, url));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {url} answered {(int)response.StatusCode}");
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Admin_only_endpoints_answer_403_to_an_editor()
    {
        var adminOnly = Endpoints().Where(e => e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Roles.Admins)).ToList();
        Assert.Contains(adminOnly, e => e.Url == "/admin/users");
        Assert.Contains(adminOnly, e => e.Url == "/admin/audit");
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);

        foreach (var (url, method, _) in adminOnly)
        {
            var response = await editor.SendAsync(Request(method, url));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Every_post_endpoint_refuses_a_request_without_the_antiforgery_token()
    {
        var posts = Endpoints().Where(e => e.Method == "POST").ToList();
        Assert.Contains(posts, e => e.Url == "/account/login");
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);

        foreach (var (url, _, _) in posts)
        {
            var response = await admin.PostAsync(url, new FormUrlEncodedContent([new("Title", "x")]));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_login_form_has_labelled_email_and_password_fields_and_a_log_in_button()
    {
        var page = await site.CreateClient().GetPageAsync("/account/login");

        Assert.Equal("Email", page.QuerySelector("label[for='Email']")!.TextContent.Trim());
        Assert.Equal("Password", page.QuerySelector("label[for='Password']")!.TextContent.Trim());
        Assert.Equal("password", page.QuerySelector("input[name='Password']")!.GetAttribute("type"));
        Assert.Equal("Log in", page.QuerySelector("main form button[type='submit']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_and_every_attempt_is_audited()
    {
        const string email = "lockout@jobquality.test";
        await site.CreateAccountAsync(email, Roles.Editor);
        var client = site.Visitor();

        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = "not the password at all" });
            Assert.NotEqual(HttpStatusCode.Redirect, failed.StatusCode);
        }

        var locked = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = EditorSite.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("locked", (await locked.DocumentAsync()).QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);

        var unknown = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "nobody@jobquality.test", ["Password"] = "not the password at all" });
        var wrong = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = EditorSite.EditorEmail, ["Password"] = "not the password at all" });
        Assert.Equal(
            (await unknown.DocumentAsync()).QuerySelector("[role='alert']")!.TextContent,
            (await wrong.DocumentAsync()).QuerySelector("[role='alert']")!.TextContent);

        var entries = await site.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(a => a.Actor == email).OrderBy(a => a.Id).Select(a => a.Action).ToList()));
        Assert.Equal(6, entries.Count);
        Assert.Equal(["Sign-in failed", "Sign-in failed", "Sign-in failed", "Sign-in failed", "Locked out", "Locked out"], entries);
    }

    [Fact]
    public async Task An_admin_adds_disables_and_re_enables_an_editor()
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        const string email = "new.editor@jobquality.test";

        var weak = await admin.PostFormAsync("/admin/users", "/admin/users", new() { ["Form.Email"] = email, ["Form.Role"] = "Editor", ["Form.Password"] = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var created = await admin.PostFormAsync("/admin/users", "/admin/users", new() { ["Form.Email"] = email, ["Form.Role"] = "Editor", ["Form.Password"] = EditorSite.Password });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await site.SignedInAsync(email);

        var id = await site.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).Id));
        await admin.PostFormAsync($"/admin/users/{id}/disable", "/admin/users", []);
        var refused = await site.Visitor().PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = EditorSite.Password });
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);

        await admin.PostFormAsync($"/admin/users/{id}/enable", "/admin/users", []);
        await site.SignedInAsync(email);
        var log = await admin.GetPageAsync("/admin/audit");
        Assert.Contains("Account disabled", log.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }
}
