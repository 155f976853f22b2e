using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JobQuality.Web.Tests;

/// <summary>The editor site on a real port, for a real browser.</summary>
public sealed class BrowserSite : EditorSite
{
    public BrowserSite() => UseKestrel(0);

    public string Address
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        }
    }
}

/// <summary>Debian's Chromium driven by Playwright; the browser is the system's, never downloaded.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"Browser tests need Chromium at {ExecutablePath} (apt-get install chromium).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh page that records every console error and failed page script. With
    /// <paramref name="withAxe"/>, axe-core is loaded into every document before the site's own
    /// scripts; an init script is not subject to the site's Content-Security-Policy, so the
    /// policy stays in force for everything the site itself loads.
    /// </summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(string baseUrl, int width = 1280, bool withAxe = false, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
        });
        if (withAxe)
        {
            await context.AddInitScriptAsync(scriptPath: TestTools.AxeScript);
        }

        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The checkers from npm that the browser tests use, installed by `npm ci` in tests/JobQuality.Web.Tests/tools.</summary>
public static class TestTools
{
    private static string Modules => Path.Combine(Repository.Root, "tests", "JobQuality.Web.Tests", "tools", "node_modules");

    /// <summary>The Nu Html Checker, run with Java.</summary>
    public static string VnuJar => Required(Path.Combine(Modules, "vnu-jar", "build", "dist", "vnu.jar"));

    /// <summary>axe-core, the accessibility engine run inside the page.</summary>
    public static string AxeScript => Required(Path.Combine(Modules, "axe-core", "axe.min.js"));

    /// <summary>Where the tests save screenshots; CI keeps them as artifacts.</summary>
    public static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(Repository.Root, "artifacts", "screenshots")).FullName;

    private static string Required(string path) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: run `npm ci` in tests/JobQuality.Web.Tests/tools.");
}

public static class BrowserPages
{
    /// <summary>Signs the page in through the login form and waits for the dashboard.</summary>
    public static async Task LogInAsync(this IPage page, string email, string password = EditorSite.Password)
    {
        await page.GotoAsync("/account/login");
        // The login form is the one in main.
        await page.Locator("main").GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");
    }
}
