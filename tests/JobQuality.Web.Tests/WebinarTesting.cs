using System.Net;
using AngleSharp.Html.Parser;
using JobQuality.Web.Content;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace JobQuality.Web.Tests;

/// <summary>Arranges webinars and registers for them the way a visitor does: through the page's form.</summary>
public static class WebinarTesting
{
    private static int _next;

    /// <summary>A published webinar of its own, so that tests sharing a site never share seats.</summary>
    public static async Task<Webinar> CreateAsync(
        SiteFactory site, int? capacity, TimeSpan? startsIn = null, TimeSpan? registrationClosesIn = null)
    {
        var now = site.Clock.GetUtcNow().UtcDateTime;
        var number = Interlocked.Increment(ref _next);
        var webinar = new Webinar
        {
            Slug = $"test-webinar-{number}-{Guid.NewGuid():N}"[..40],
            Title = $"Test webinar {number}: hours, \"pay\" and voice",
            Summary = "A webinar made for a test.",
            Body = "What we will discuss.",
            Status = ContentStatus.Published,
            PublishAt = now.AddDays(-30),
            StartsUtc = now + (startsIn ?? TimeSpan.FromDays(20)),
            TimeZone = "America/Chicago",
            DurationMinutes = 90,
            Capacity = capacity,
            RegistrationClosesUtc = registrationClosesIn is { } closes ? now + closes : null,
        };
        await using var scope = site.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Data.JobQualityDbContext>();
        db.Add(webinar);
        await db.SaveChangesAsync();
        return webinar;
    }

    /// <summary>The antiforgery token of the form on a page; the client keeps the matching cookie.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetPageAsync(path);
        return page.QuerySelector("form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
    }

    public static async Task<HttpResponseMessage> RegisterAsync(
        HttpClient client, string slug, string name, string email, string? token = null,
        string? organization = null, string? field = null, bool consent = true, CancellationToken cancellationToken = default)
    {
        token ??= await FormTokenAsync(client, "/webinars/" + slug);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Name"] = name,
            ["Email"] = email,
            ["Organization"] = organization ?? string.Empty,
            ["FieldOfPractice"] = field ?? string.Empty,
            ["Consent"] = consent ? "true" : "false",
        };
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync($"/webinars/{slug}/register", content, cancellationToken);
    }

    public static async Task<AngleSharp.Dom.IDocument> ReadPageAsync(this HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static Task<List<Registration>> RegistrationsAsync(SiteFactory site, int webinarId) =>
        site.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.WebinarId == webinarId).OrderBy(r => r.Id).ToListAsync());

    /// <summary>The mails written to the pickup folder for one recipient, oldest first.</summary>
    public static List<MimeMessage> MailsTo(SiteFactory site, string email)
    {
        if (!Directory.Exists(site.MailFolder))
        {
            return [];
        }

        return Directory.GetFiles(site.MailFolder, "*.eml")
            .Select(file => MimeMessage.Load(file))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.MessageId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Waits for a background job (the mail sender) to get somewhere; fails after a generous time.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, Action? tick = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            tick?.Invoke();
            await Task.Delay(50);
        }
    }

    public static Task<List<MimeMessage>> MailsEventuallyAsync(SiteFactory site, string email, int count) =>
        EventuallyAsync(() => Task.FromResult(MailsTo(site, email)), m => m.Count >= count, $"{count} mail(s) to {email}");

    /// <summary>The cancel link in a mail's text.</summary>
    public static Uri CancelLink(MimeMessage mail)
    {
        var text = mail.TextBody ?? string.Empty;
        var match = System.Text.RegularExpressions.Regex.Match(text, @"https?://\S+/cancel/\S+");
        Assert.True(match.Success, "The mail has no cancel link:\n" + text);
        return new Uri(match.Value);
    }

    public static HttpStatusCode Status(this HttpResponseMessage response) => response.StatusCode;
}
