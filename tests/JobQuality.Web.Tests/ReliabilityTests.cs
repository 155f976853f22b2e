using System.Net;
using System.Text.Json;
using JobQuality.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Serilog.Events;
using Serilog.Parsing;

namespace JobQuality.Web.Tests;

public sealed class ReliabilityTests(SqliteFileSite site) : IClassFixture<SqliteFileSite>
{
    [Fact]
    public async Task While_the_database_is_gone_pages_answer_a_friendly_503_and_recover_by_themselves()
    {
        var client = site.CreateClient();
        await client.GetPageAsync("/toolkit");
        await client.GetPageAsync("/research?type=brief");
        var folder = Path.GetDirectoryName(site.DatabasePath)!;
        SqliteConnection.ClearAllPools();
        Directory.Move(folder, folder + "-away");
        try
        {
            // A page already rendered is still served from the cache; one that needs the database says to come back.
            Assert.Equal("Toolkit", (await client.GetPageAsync("/toolkit")).H1());
            var response = await client.GetAsync("/research?type=report");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
            var page = await response.DocumentAsync();
            Assert.Equal("The site is busy for a moment", page.QuerySelector("h1")!.TextContent);
            Assert.DoesNotContain("Exception", page.Body!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Move(folder + "-away", folder);
        }

        await client.GetPageAsync("/research?type=report");
    }
}

public sealed class ConfigurationTests
{
    private sealed class Misconfigured(Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    [Theory]
    [InlineData("Oracle", null, "Database:Provider is 'Oracle'")]
    [InlineData("SqlServer", null, "ConnectionStrings:JobQuality is not set")]
    public void An_invalid_configuration_stops_start_up_with_a_message_that_says_what_to_set(string provider, string? connection, string message)
    {
        using var factory = new Misconfigured(new() { ["Database:Provider"] = provider, ["ConnectionStrings:JobQuality"] = connection });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "the proxies", "ForwardedHeaders:KnownNetworks holds 'the proxies', which is not an address range")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0.300", "ForwardedHeaders:KnownProxies holds '10.0.0.300', which is not an IP address")]
    [InlineData("ConnectionStrings:Redis", "redis:6379,ssl=maybe", "ConnectionStrings:Redis is not a Redis connection string")]
    public void An_invalid_proxy_or_redis_setting_stops_start_up_with_a_message_that_says_what_to_set(string key, string value, string message)
    {
        using var database = TestDatabase.SqliteFileOfItsOwn();
        var settings = database.Settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        settings[key] = value;
        using var factory = new Misconfigured(settings);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>The site run as its own process, as an operator runs it: where its log goes, and how it stops.</summary>
public sealed class SiteProcessTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.FromEnvironment();
    private readonly string _folder = Directory.CreateTempSubdirectory("jobquality-log-").FullName;

    [Fact]
    public async Task The_log_goes_to_the_console_as_json_and_to_any_sink_the_configuration_adds()
    {
        var logFile = Path.Combine(_folder, "site.log");
        var site = SiteProcess.Start(_database, new Dictionary<string, string>
        {
            ["Email__PickupDirectory"] = Path.Combine(_folder, "mail"),
            ["Serilog__WriteTo__File__Name"] = "File",
            ["Serilog__WriteTo__File__Args__path"] = logFile,
            ["Serilog__WriteTo__File__Args__formatter__type"] = "Serilog.Templates.ExpressionTemplate, Serilog.Expressions",
            ["Serilog__WriteTo__File__Args__formatter__template"] = "{@l:u3} {@m}\n",
        });
        await using (site)
        {
            using var client = new HttpClient { BaseAddress = site.Address };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!await AnswersAsync(client, "/health"))
            {
                Assert.False(site.HasExited, $"The site stopped: {site.Errors}");
                Assert.True(DateTime.UtcNow < deadline, "The site did not become healthy within a minute.");
                await Task.Delay(200);
            }

            Assert.True(await AnswersAsync(client, "/toolkit"));

            // Stopped as a container is stopped, so that the site writes out what it has logged.
            Assert.Equal(0, await site.StopAsync());
        }

        // One JSON object a line, with the request's properties beside the rendered message.
        var events = site.Output.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var request = events.Last(e => e.TryGetProperty("RequestPath", out var path) && path.GetString() == "/toolkit");
        Assert.Equal(200, request.GetProperty("StatusCode").GetInt32());
        Assert.StartsWith("HTTP \"GET\" \"/toolkit\" responded 200", request.GetProperty("@m").GetString(), StringComparison.Ordinal);
        Assert.Contains("INF HTTP GET /toolkit responded 200", await File.ReadAllTextAsync(logFile), StringComparison.Ordinal);
    }

    /// <summary>
    /// A deployment that replaces the site, or Ctrl+C, may stop it before it has finished starting:
    /// while it imports the content on its first start, or while it warms its pages. It stops as it
    /// would once started (exit code 0), instead of aborting with an unhandled exception and a core dump.
    /// </summary>
    [Theory]
    [InlineData("importing")]
    [InlineData("Now listening on")]
    public async Task Stopped_while_it_is_still_starting_the_site_exits_cleanly(string stage)
    {
        var site = SiteProcess.Start(_database, new Dictionary<string, string> { ["Email__PickupDirectory"] = Path.Combine(_folder, "mail") });
        await using (site)
        {
            await site.WaitForLineAsync(stage, TimeSpan.FromSeconds(60));

            Assert.Equal(0, await site.StopAsync());
        }

        Assert.DoesNotContain("Unhandled exception", site.Errors + string.Join('\n', site.Output), StringComparison.Ordinal);
    }

    private static async Task<bool> AnswersAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(path);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class LogPrivacyTests
{
    [Fact]
    public void Email_addresses_are_removed_from_every_logged_value()
    {
        var template = new MessageTemplateParser().Parse("Registered {Who} for {Webinar} with {Details}");
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, template,
        [
            new LogEventProperty("Who", new ScalarValue("Ana.Lopez+jq@example.org")),
            new LogEventProperty("Webinar", new ScalarValue("scheduling-stability-in-retail")),
            new LogEventProperty("Details", new StructureValue([new LogEventProperty("Contact", new ScalarValue("write to ana@example.org"))])),
        ]);

        new RedactPersonalData().Enrich(logEvent, null!);

        var rendered = logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain("@example.org", rendered, StringComparison.Ordinal);
        Assert.Contains("scheduling-stability-in-retail", rendered, StringComparison.Ordinal);
        Assert.Contains(RedactPersonalData.EmailReplacement, rendered, StringComparison.Ordinal);
    }
}
