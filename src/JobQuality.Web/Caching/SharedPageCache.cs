using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace JobQuality.Web.Caching;

/// <summary>
/// Several replicas of the site behind one proxy: when <c>ConnectionStrings:Redis</c> is set, they
/// keep their cached pages in one Redis, so a change saved on one replica evicts the page for all of
/// them at once, and they tell each other to read their copies of the content again.
/// </summary>
public static class SharedPageCache
{
    public const string ConnectionStringName = "Redis";

    /// <summary>Where replicas announce that content changed.</summary>
    internal static readonly RedisChannel ContentChanged = RedisChannel.Literal("jobquality:content-changed");

    /// <summary>How many times content changed on any replica: a replica compares it before rendering a page.</summary>
    internal static readonly RedisKey ContentGeneration = "jobquality:content-generation";

    public static IHostApplicationBuilder AddSharedPageCache(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return builder;
        }

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configured);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:Redis is not a Redis connection string ({ex.Message}). Set it to host:port, e.g. 'redis:6379', or leave it unset to cache in memory.", ex);
        }

        // The site starts while Redis is still coming up, and reconnects by itself after an outage;
        // meanwhile a cache call fails at once (and the page is rendered) instead of waiting in a queue.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        builder.Services.AddSingleton(new RedisConnection(options));
        builder.Services.AddStackExchangeRedisOutputCache(_ => { });
        builder.Services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection>((cache, redis) =>
        {
            cache.InstanceName = "jobquality:";
            cache.ConnectionMultiplexerFactory = redis.ConnectAsync;
        });

        // Redis is a cache: while it is away, pages are rendered afresh rather than refused.
        var redisStore = builder.Services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        builder.Services.RemoveAll<IOutputCacheStore>();
        builder.Services.AddSingleton<IOutputCacheStore>(services => new CacheWithoutOutages(
            (IOutputCacheBufferStore)(redisStore.ImplementationFactory?.Invoke(services)
                ?? redisStore.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(services, redisStore.ImplementationType!)),
            services.GetRequiredService<ILogger<CacheWithoutOutages>>()));
        builder.Services.AddSingleton<ChangesOnOtherReplicas>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ChangesOnOtherReplicas>());
        return builder;
    }
}

/// <summary>One connection to Redis for the whole site, opened on first use.</summary>
public sealed class RedisConnection(ConfigurationOptions options) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection =
        new(async () => await ConnectionMultiplexer.ConnectAsync(options));

    /// <summary>Tells this replica's messages from the others'.</summary>
    public string Replica { get; } = Guid.NewGuid().ToString("N");

    public Task<IConnectionMultiplexer> ConnectAsync() => _connection.Value;

    /// <summary>Counts a change to content: returns the count after it, or null while Redis is away.</summary>
    public async Task<long?> CountContentChangeAsync()
    {
        var redis = await ConnectAsync();
        try
        {
            return await redis.GetDatabase().StringIncrementAsync(SharedPageCache.ContentGeneration);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Tells the other replicas that content changed, and what the count of changes is now if known.</summary>
    public async Task AnnounceContentChangedAsync(long? generation)
    {
        var redis = await ConnectAsync();
        try
        {
            await redis.GetSubscriber().PublishAsync(SharedPageCache.ContentChanged, $"{Replica} {generation}");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis is away: every replica evicts its pages again when it reconnects.
        }
    }

    /// <summary>How many times content has changed on any replica; null while Redis is away.</summary>
    public async Task<long?> ContentGenerationAsync()
    {
        var redis = await ConnectAsync();
        try
        {
            var generation = await redis.GetDatabase().StringGetAsync(SharedPageCache.ContentGeneration);
            return generation.TryParse(out long count) ? count : 0;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}

/// <summary>
/// Keeps this replica up with changes saved on the others.
/// <list type="bullet">
/// <item>Before a page is rendered, it compares the count of changes kept in Redis with the last it
/// saw, and reads its copies of the content again if the count moved (another replica saved, or
/// Redis started again from nothing): a visitor sent to this replica right after a save elsewhere
/// sees the change, even when the message announcing it (below) has not arrived yet.</item>
/// <item>It listens for those messages: a page this replica stored while the change was being saved
/// is evicted again.</item>
/// </list>
/// </summary>
public sealed partial class ChangesOnOtherReplicas(
    RedisConnection redis,
    ContentChanges content,
    PublishingSchedule schedule,
    TimeProvider clock,
    ILogger<ChangesOnOtherReplicas> logger) : IHostedService
{
    private ChannelMessageQueue? _messages;
    private long _seen;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await redis.ConnectAsync();
        Interlocked.Exchange(ref _seen, await redis.ContentGenerationAsync() ?? 0);

        // A change saved while this replica could not hear about it may have left pages behind.
        connection.ConnectionRestored += (_, _) => _ = ForgetAsync();
        await ListenAsync(connection);
    }

    /// <summary>
    /// Forgets this replica's copies of the content if the count of changes moved since they were
    /// read; the page being rendered is then stamped for the cache again (<paramref name="context"/>).
    /// </summary>
    public async ValueTask CatchUpAsync(HttpContext context)
    {
        if (await redis.ContentGenerationAsync() is not { } generation || generation == Interlocked.Read(ref _seen))
        {
            return;
        }

        // Forgotten before the count is noted, so that no page rendered after the note uses them.
        await content.ForgetCopiesAsync(context.RequestAborted);
        Interlocked.Exchange(ref _seen, generation);

        // The cache stamped this page (its validator, how long it is kept) from the schedule as it
        // stood before the change: a visitor holding the page from before must not be told it is current.
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } page)
        {
            await UntilNextScheduledItem.StampAsync(page, schedule, clock, context.RequestAborted);
        }
    }

    /// <summary>Content changed here: counted, forgotten here, and announced to the others.</summary>
    public async ValueTask ChangedHereAsync(CancellationToken cancellationToken)
    {
        // Counted first: a change another replica counted before this one was committed before it
        // too, so the copies forgotten after the count are older than neither.
        var generation = await redis.CountContentChangeAsync();
        await content.ForgetCopiesAsync(cancellationToken);
        if (generation is { } counted)
        {
            Interlocked.Exchange(ref _seen, counted);
        }

        await content.EvictPagesAsync(cancellationToken);
        await redis.AnnounceContentChangedAsync(generation);
    }

    /// <summary>A message from another replica: its pages are evicted again, and the copies forgotten unless already caught up.</summary>
    private async Task HeardAsync(string message)
    {
        var parts = message.Split(' ');
        if (parts[0] == redis.Replica)
        {
            return;
        }

        if (parts.Length > 1 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var generation)
            && generation == Interlocked.Read(ref _seen))
        {
            await content.EvictPagesAsync(CancellationToken.None);
            return;
        }

        await ForgetAsync();
    }

    private async Task ListenAsync(IConnectionMultiplexer connection)
    {
        try
        {
            _messages = await connection.GetSubscriber().SubscribeAsync(SharedPageCache.ContentChanged);
            _messages.OnMessage(async message => await HeardAsync(message.Message.ToString()));
        }
        catch (RedisException ex)
        {
            // Redis is not there yet: listen once it is.
            LogNotListening(logger, ex);
            connection.ConnectionRestored += (_, _) =>
            {
                if (_messages is null)
                {
                    _ = ListenAsync(connection);
                }
            };
        }
    }

    private async Task ForgetAsync() => await content.ForgetAsync(CancellationToken.None);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_messages is null)
        {
            return;
        }

        try
        {
            await _messages.UnsubscribeAsync();
        }
        catch (RedisException)
        {
            // Redis is away: the subscription ends with the connection anyway.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis cannot be reached; changes on other replicas will be heard once it can")]
    private static partial void LogNotListening(ILogger logger, Exception exception);
}

/// <summary>
/// The Redis page cache, minus its outages: a read that fails is a miss, a write or an eviction
/// that fails is left undone (Redis restarts empty, and a replica that reconnects evicts again),
/// and the failure is logged once per outage rather than once per request.
/// </summary>
internal sealed partial class CacheWithoutOutages(IOutputCacheBufferStore inner, ILogger<CacheWithoutOutages> logger) : IOutputCacheBufferStore
{
    private int _failing;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        await Guard(async () => await inner.GetAsync(key, cancellationToken), default(byte[]));

    public async ValueTask<bool> TryGetAsync(string key, System.IO.Pipelines.PipeWriter destination, CancellationToken cancellationToken) =>
        await Guard(async () => await inner.TryGetAsync(key, destination, cancellationToken), false);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        await Guard(async () => { await inner.SetAsync(key, value, tags, validFor, cancellationToken); return true; }, false);

    public async ValueTask SetAsync(string key, System.Buffers.ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        await Guard(async () => { await inner.SetAsync(key, value, tags, validFor, cancellationToken); return true; }, false);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        await Guard(async () => { await inner.EvictByTagAsync(tag, cancellationToken); return true; }, false);

    private async Task<T> Guard<T>(Func<Task<T>> operation, T whenAway)
    {
        try
        {
            var result = await operation();
            if (Interlocked.Exchange(ref _failing, 0) == 1)
            {
                LogBack(logger);
            }

            return result;
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            if (Interlocked.Exchange(ref _failing, 1) == 0)
            {
                LogAway(logger, ex);
            }

            return whenAway;
        }
    }

    private static bool IsOutage(Exception exception) => exception switch
    {
        RedisException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsOutage),
        _ => exception.InnerException is { } inner && IsOutage(inner),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Redis page cache cannot be reached; pages are rendered without it until it returns")]
    private static partial void LogAway(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Redis page cache is back")]
    private static partial void LogBack(ILogger logger);
}
