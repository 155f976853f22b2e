using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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

    // Contexts a test has not closed yet; one still open when the browser goes is a test that did not finish.
    private readonly ConcurrentDictionary<IBrowserContext, string> _open = new();
    private int _pages;

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
    /// A fresh page that records every console error and failed page script, in a context the test
    /// closes when it is done. Its actions and requests are traced; if the test does not finish,
    /// the trace and a screenshot are kept (<see cref="DisposeAsync"/>). With
    /// <paramref name="withAxe"/>, axe-core is loaded into every document before the site's own
    /// scripts; an init script is not subject to the site's Content-Security-Policy, so the
    /// policy stays in force for everything the site itself loads.
    /// </summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(
        string baseUrl, int width = 1280, bool withAxe = false, bool javaScript = true, [CallerMemberName] string test = "")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
        });
        var name = $"{test}-{Interlocked.Increment(ref _pages)}";
        await context.Tracing.StartAsync(new TracingStartOptions { Name = name, Title = test, Snapshots = true });
        _open[context] = name;
        context.Close += Closed;
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
        foreach (var (context, name) in _open)
        {
            await KeepUnfinishedAsync(context, name);
        }

        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private void Closed(object? sender, IBrowserContext context) => _open.TryRemove(context, out _);

    /// <summary>What a test that did not finish left in its browser: a screenshot of each page, and the trace of its actions and requests.</summary>
    private static async Task KeepUnfinishedAsync(IBrowserContext context, string name)
    {
        try
        {
            foreach (var (page, i) in context.Pages.Select((p, i) => (p, i)))
            {
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(TestTools.ScreenshotFolder, $"unfinished-{name}-{i + 1}.png"),
                    FullPage = true,
                    Timeout = 5_000,
                });
            }

            await context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(TestTools.TraceFolder, $"{name}.zip") });
        }
        catch (PlaywrightException)
        {
            // A page that cannot be captured is no reason to hide the test's own failure.
        }
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

    /// <summary>
    /// Where the traces of browser tests that did not finish are saved (open one with
    /// <c>npx playwright show-trace</c>, or at trace.playwright.dev); CI keeps them as artifacts.
    /// </summary>
    public static string TraceFolder => Directory.CreateDirectory(Path.Combine(Repository.Root, "artifacts", "traces")).FullName;

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
