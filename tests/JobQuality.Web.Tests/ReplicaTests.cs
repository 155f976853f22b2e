using System.Net;
using JobQuality.Web.Caching;
using JobQuality.Web.Webinars;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace JobQuality.Web.Tests;

/// <summary>One replica of the site: shares its database and its Redis with the others.</summary>
public sealed class ReplicaSite(TestDatabase database, RedisServer redis) : EditorSite(database)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Redis", redis.ConnectionString);
    }
}

/// <summary>Two instances of the site on one database and one Redis, as replicas behind a proxy run.</summary>
public sealed class TwoReplicas : IAsyncLifetime
{
    private RedisServer? _redis;

    public RedisServer Redis => _redis!;

    public TestDatabase Database { get; } = TestDatabase.FromEnvironment();

    public ReplicaSite One { get; private set; } = null!;

    public ReplicaSite Other { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        One = new ReplicaSite(Database, _redis);
        Other = new ReplicaSite(Database, _redis);

        // The first replica migrates and seeds; the second finds the database ready.
        _ = One.Services;
        _ = Other.Services;
        await One.EnsureAccountsAsync();
    }

    public async Task DisposeAsync()
    {
        await One.DisposeAsync();
        await Other.DisposeAsync();
        Database.Dispose();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}

public sealed class ReplicaTests(TwoReplicas replicas) : IClassFixture<TwoReplicas>
{
    /// <summary>The editor's form for a new organisation profile, published at once.</summary>
    public static Dictionary<string, string> Profile(string name) => new()
    {
        ["Form.Title"] = name,
        ["Form.Slug"] = string.Empty,
        ["Form.Summary"] = "A worker-owned business that pays a living wage.",
        ["Form.Body"] = "Owners set the schedule together.",
        ["Form.Profile"] = "organization",
        ["Form.Field"] = "business",
        ["Form.Organization"] = name,
        ["Form.Dimensions"] = "wages",
        ["intent"] = "publish",
    };

    [Fact]
    public async Task An_editor_signed_in_on_one_replica_is_signed_in_on_the_other()
    {
        var cookies = new CookieContainer();
        using var onOne = replicas.One.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var onOther = replicas.Other.CreateDefaultClient(new CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.Redirect, (await onOther.GetAsync("/admin")).StatusCode);

        var signIn = await onOne.PostFormAsync("/account/login", "/account/login",
            new() { ["Email"] = EditorSite.EditorEmail, ["Password"] = EditorSite.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var admin = await onOther.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

        // A form rendered by one replica is accepted by the other: signing out goes through.
        var token = await onOne.TokenFromAsync("/admin");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var signOut = await onOther.PostAsync("/account/logout", form);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await onOne.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_profile_published_on_one_replica_is_on_the_other_replicas_pages_at_once()
    {
        var visitor = replicas.Other.CreateClient();
        var before = await visitor.GetPageAsync("/exemplars");
        Assert.DoesNotContain("Tidewater Repair Cooperative", before.Body!.TextContent, StringComparison.Ordinal);
        await visitor.GetPageAsync("/exemplars");
        Assert.Empty((await visitor.GetPageAsync("/search?q=tidewater")).CardLinks());

        var editor = await replicas.One.SignedInAsync(EditorSite.EditorEmail);
        var published = await editor.PostFormAsync("/admin/exemplars/new", "/admin/exemplars/new", Profile("Tidewater Repair Cooperative"));
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());

        var after = await visitor.GetPageAsync("/exemplars");
        Assert.Contains("Tidewater Repair Cooperative", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Single((await visitor.GetPageAsync("/search?q=tidewater")).CardLinks());
        var onTheFirst = await replicas.One.CreateClient().GetPageAsync("/exemplars");
        Assert.Contains("Tidewater Repair Cooperative", onTheFirst.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_published_on_one_replica_is_on_the_other_before_the_news_of_it_arrives()
    {
        var visitor = replicas.Other.CreateClient();
        var before = await visitor.GetAsync("/exemplars?field=business");
        Assert.DoesNotContain("Upriver Bakers Guild", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(before.Headers.ETag);
        Assert.Empty((await visitor.GetPageAsync("/search?q=upriver")).CardLinks());

        // The other replica hears nothing from Redis's messages while the profile is published:
        // its pages must come right all the same.
        await WithoutMessagesAsync(replicas.Other, async () =>
        {
            await PublishOnOneAsync("Upriver Bakers Guild");

            Assert.Contains("Upriver Bakers Guild", (await visitor.GetPageAsync("/exemplars?field=business")).Body!.TextContent, StringComparison.Ordinal);
            Assert.Single((await visitor.GetPageAsync("/search?q=upriver")).CardLinks());

            // A browser holding the page from before the change is sent the new one, not told its copy is current.
            using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/exemplars?field=business");
            revalidate.Headers.IfNoneMatch.Add(before.Headers.ETag!);
            var answer = await visitor.SendAsync(revalidate);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("Upriver Bakers Guild", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_replica_keeps_up_when_redis_has_lost_the_count_of_changes()
    {
        var visitor = replicas.Other.CreateClient();
        Assert.Empty((await visitor.GetPageAsync("/search?q=valleyside")).CardLinks());
        await PublishOnOneAsync("Valleyside Care Collective");
        Assert.Single((await visitor.GetPageAsync("/search?q=valleyside")).CardLinks());
        Assert.Empty((await visitor.GetPageAsync("/search?q=westmill")).CardLinks());

        // Redis is a cache: started again empty, its count of changes begins again from nothing.
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(replicas.Redis.ConnectionString))
        {
            await redis.GetDatabase().KeyDeleteAsync(SharedPageCache.ContentGeneration);
        }

        await WithoutMessagesAsync(replicas.Other, async () =>
        {
            await PublishOnOneAsync("Westmill Makers Union");
            Assert.Single((await visitor.GetPageAsync("/search?q=westmill")).CardLinks());
        });
    }

    /// <summary>Publishes an organisation profile on the first replica (named to sort after the other tests' profiles in the listing).</summary>
    private async Task PublishOnOneAsync(string name)
    {
        var editor = await replicas.One.SignedInAsync(EditorSite.EditorEmail);
        var published = await editor.PostFormAsync("/admin/exemplars/new", "/admin/exemplars/new", Profile(name));
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());
    }

    /// <summary>Runs <paramref name="action"/> while <paramref name="site"/> does not listen to the other replicas' messages.</summary>
    private static async Task WithoutMessagesAsync(ReplicaSite site, Func<Task> action)
    {
        var listening = site.Services.GetRequiredService<ChangesOnOtherReplicas>();
        await listening.StopAsync(CancellationToken.None);
        try
        {
            await action();
        }
        finally
        {
            await listening.StartAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Registrations_split_across_both_replicas_never_take_more_seats_than_there_are()
    {
        var webinar = await WebinarTesting.CreateAsync(replicas.One, capacity: 7);
        HttpClient[] clients = [replicas.One.CreateClient(), replicas.Other.CreateClient()];
        var tokens = await Task.WhenAll(clients.Select(client => WebinarTesting.FormTokenAsync(client, webinar.Path)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            WebinarTesting.RegisterAsync(clients[i % 2], webinar.Slug, $"Attendee {i}", $"attendee{i}@example.org", tokens[i % 2])));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var registrations = await WebinarTesting.RegistrationsAsync(replicas.One, webinar.Id);
        Assert.Equal(30, registrations.Count);
        Assert.Equal(7, registrations.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(23, registrations.Count(r => r.Status == RegistrationStatus.Waitlisted));
        foreach (var site in new SiteFactory[] { replicas.One, replicas.Other })
        {
            var page = await site.CreateClient().GetPageAsync(webinar.Path);
            Assert.Contains("7, all taken", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        }

        // Both replicas send mail from the one outbox; every attendee hears exactly once.
        var mails = await WebinarTesting.EventuallyAsync(
            () => Task.FromResult(Enumerable.Range(0, 30)
                .Select(i => WebinarTesting.MailsTo(replicas.One, $"attendee{i}@example.org").Count
                    + WebinarTesting.MailsTo(replicas.Other, $"attendee{i}@example.org").Count)
                .ToList()),
            counts => counts.All(count => count >= 1),
            "a mail to each of the 30 attendees");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(Enumerable.Range(0, 30), i => Assert.Equal(1,
            WebinarTesting.MailsTo(replicas.One, $"attendee{i}@example.org").Count + WebinarTesting.MailsTo(replicas.Other, $"attendee{i}@example.org").Count));
        Assert.Equal(30, mails.Count);
    }
}

public sealed class RedisOutageTests
{
    [Fact]
    public async Task While_redis_is_away_pages_are_served_and_saved_changes_are_shown_and_caching_resumes_when_it_returns()
    {
        using var database = TestDatabase.FromEnvironment();
        var redis = await RedisServer.StartAsync();
        await using var site = new ReplicaSite(database, redis);
        var visitor = site.CreateClient();
        Assert.Equal("Exemplars", (await visitor.GetPageAsync("/exemplars")).H1());

        await redis.DisposeAsync();
        Assert.Equal("Exemplars", (await visitor.GetPageAsync("/exemplars")).H1());
        Assert.Equal("Toolkit", (await visitor.GetPageAsync("/toolkit")).H1());
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        var saved = await editor.PostFormAsync("/admin/exemplars/new", "/admin/exemplars/new", ReplicaTests.Profile("Harbor Light Bakery"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Harbor Light Bakery", (await visitor.GetPageAsync("/exemplars")).Body!.TextContent, StringComparison.Ordinal);

        await using var back = await RedisServer.StartAsync(redis.Port);
        var cached = await WebinarTesting.EventuallyAsync(
            async () =>
            {
                Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/exemplars")).StatusCode);
                return await KeysAsync(back.Port);
            },
            keys => keys > 0,
            "a page stored in Redis again");
        Assert.True(cached > 0);
        Assert.Contains("Harbor Light Bakery", (await visitor.GetPageAsync("/exemplars")).Body!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<int> KeysAsync(int port)
    {
        var start = new System.Diagnostics.ProcessStartInfo("redis-cli") { RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", $"{port}", "dbsize" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return int.TryParse(output.Trim(), out var keys) ? keys : 0;
    }
}
