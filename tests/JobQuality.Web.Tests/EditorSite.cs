using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using JobQuality.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JobQuality.Web.Tests;

/// <summary>The site with an admin and an editor account, and helpers to act as them.</summary>
public class EditorSite : SiteFactory
{
    public const string AdminEmail = "admin@jobquality.test";
    public const string EditorEmail = "editor@jobquality.test";
    public const string Password = "a long and quiet harbour";

    private readonly SemaphoreSlim _setup = new(1, 1);
    private bool _accountsMade;

    public EditorSite()
    {
    }

    /// <summary>A site on a database that other sites share.</summary>
    protected EditorSite(TestDatabase database)
        : base(database)
    {
    }

    public async Task EnsureAccountsAsync()
    {
        await _setup.WaitAsync();
        try
        {
            if (_accountsMade)
            {
                return;
            }

            await CreateAccountAsync(AdminEmail, Roles.Admin);
            await CreateAccountAsync(EditorEmail, Roles.Editor);
            _accountsMade = true;
        }
        finally
        {
            _setup.Release();
        }
    }

    public async Task CreateAccountAsync(string email, string role, string password = Password)
    {
        await using var scope = Scope();
        var errors = await scope.ServiceProvider.GetRequiredService<EditorAccounts>().CreateAsync(email, role, password, "test");
        Assert.Empty(errors);
    }

    /// <summary>A client that does not follow redirects, so tests see where they lead.</summary>
    public HttpClient Visitor() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> SignedInAsync(string email, string password = Password)
    {
        await EnsureAccountsAsync();
        var client = Visitor();
        var response = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        _setup.Dispose();
        base.Dispose(disposing);
    }
}

public static class Forms
{
    private static readonly IBrowsingContext Browser = BrowsingContext.New(Configuration.Default);

    /// <summary>Opens a page and returns the antiforgery token of its first form.</summary>
    public static async Task<string> TokenFromAsync(this HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var page = await Browser.OpenAsync(r => r.Content(html));
        return page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pageUrl} has no form with an antiforgery token.");
    }

    /// <summary>Posts fields the way the form on <paramref name="formPage"/> would, token included.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string url, string formPage, Dictionary<string, string> fields)
    {
        var token = await client.TokenFromAsync(formPage);
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        pairs.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(pairs));
    }

    public static async Task<IDocument> DocumentAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Browser.OpenAsync(r => r.Content(html));
    }
}
