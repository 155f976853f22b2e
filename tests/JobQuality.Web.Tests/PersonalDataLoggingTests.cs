using System.Collections.Concurrent;
using System.Net;
using JobQuality.Web.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using static JobQuality.Web.Tests.WebinarTesting;

namespace JobQuality.Web.Tests;

public sealed class PersonalDataLoggingTests
{
    [Fact]
    public async Task No_registrant_email_or_name_reaches_the_logs_through_a_whole_registration()
    {
        using var site = new LoggedSiteFactory();
        using var client = site.CreateClient();
        var webinar = await CreateAsync(site, capacity: 1);
        const string email = "Zelda.Quintero@example.org";
        const string name = "Zelda Quintero-Marsh";

        await RegisterAsync(client, webinar.Slug, name, email, organization: "Quintero Tailoring");
        await RegisterAsync(client, webinar.Slug, name, email.ToUpperInvariant());
        await RegisterAsync(client, webinar.Slug, "Other Person", "other.person@example.org");
        await RegisterAsync(client, webinar.Slug, "", email, consent: false);
        var mail = (await MailsEventuallyAsync(site, email, 2))[0];
        var link = CancelLink(mail);
        var token = (await client.GetPageAsync(link.PathAndQuery)).QuerySelector("form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        (await client.PostAsync(link.PathAndQuery, form)).EnsureSuccessStatusCode();
        await MailsEventuallyAsync(site, "other.person@example.org", 2);

        var lines = site.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("Registration ", StringComparison.Ordinal) && l.Contains("Confirmed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Sent mail", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/cancel/(token)", StringComparison.Ordinal));
        foreach (var secret in new[] { "zelda", "quintero", "other.person", "Other Person", link.Segments[^1] })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task No_subscriber_email_or_link_token_reaches_the_logs_through_sign_up_confirm_and_unsubscribe()
    {
        using var site = new LoggedSiteFactory();
        using var client = site.CreateClient();
        const string email = "Xavier.Newsreader@example.org";

        await Newsletter.SignUpAsync(client, email);
        await Newsletter.SignUpAsync(client, email.ToLowerInvariant());
        var mail = (await MailsEventuallyAsync(site, email, 2))[0];
        var confirm = Newsletter.Link(mail, "confirm");
        (await Newsletter.PressButtonAsync(client, confirm)).EnsureSuccessStatusCode();
        (await Newsletter.PressButtonAsync(client, Newsletter.Link(mail, "unsubscribe"))).EnsureSuccessStatusCode();

        var lines = site.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("sent a confirmation link", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("unsubscribed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/newsletter/confirm/(token)", StringComparison.Ordinal));
        foreach (var secret in new[] { "xavier", "newsreader", confirm.Segments[^1] })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}

/// <summary>Every log event, rendered with its properties and exception, as a sink of the site's Serilog logger.</summary>
internal sealed class LogCapture : ILogEventSink
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        Lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {properties} {logEvent.Exception}");
    }
}

internal sealed class LoggedSiteFactory : SiteFactory
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Debug");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Debug");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }
}

public sealed class RequestLogTests
{
    [Fact]
    public async Task A_visitor_who_leaves_before_the_answer_is_not_logged_as_a_failure_of_the_site()
    {
        using var site = new LoggedSiteFactory();
        using var client = site.CreateClient();
        var webinar = await CreateAsync(site, capacity: 5);
        var token = await FormTokenAsync(client, "/webinars/" + webinar.Slug);

        // The site's writers take turns; holding the turn here keeps the registration waiting for it.
        var turn = await site.WithDbAsync(async db => await db.Database.WaitForWriteTurnAsync(CancellationToken.None));
        using (turn)
        {
            using var leaving = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                RegisterAsync(client, webinar.Slug, "Leaving Early", "leaving.early@example.org", token, cancellationToken: leaving.Token));
        }

        var line = await EventuallyAsync(
            () => Task.FromResult(site.Logs.Lines.FirstOrDefault(l => l.Contains($"HTTP \"POST\" \"/webinars/{webinar.Slug}/register\" responded", StringComparison.Ordinal))),
            l => l is not null, "the registration's log line");
        Assert.StartsWith("Information ", line!, StringComparison.Ordinal);
        Assert.Empty(await RegistrationsAsync(site, webinar.Id));

        // Other requests keep their levels: a page served is information, a failure of the site an error.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/toolkit")).StatusCode);
        Assert.Contains(site.Logs.Lines, l => l.StartsWith("Information HTTP \"GET\" \"/toolkit\" responded 200", StringComparison.Ordinal));
        Assert.Equal(LogEventLevel.Error, SiteHosting.RequestLogLevel(new DefaultHttpContext { Response = { StatusCode = 500 } }, 1, null));
        Assert.Equal(LogEventLevel.Error, SiteHosting.RequestLogLevel(new DefaultHttpContext(), 1, new InvalidOperationException()));
    }

    [Fact]
    public async Task While_the_pages_warm_the_health_check_says_so_in_a_line_of_text_and_is_not_logged_as_a_failure()
    {
        var context = new DefaultHttpContext { Request = { Path = "/health" }, Response = { Body = new MemoryStream() } };

        await JobQuality.Web.Shared.SiteWarmUp.AnswerNotReadyAsync(context.Response);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("text/plain", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal("Warming up", System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
        Assert.Equal(LogEventLevel.Information, SiteHosting.RequestLogLevel(context, 1, null));

        // Any other page that answers 503 is the site failing.
        var page = new DefaultHttpContext { Request = { Path = "/toolkit" }, Response = { StatusCode = StatusCodes.Status503ServiceUnavailable } };
        Assert.Equal(LogEventLevel.Error, SiteHosting.RequestLogLevel(page, 1, null));
    }
}
