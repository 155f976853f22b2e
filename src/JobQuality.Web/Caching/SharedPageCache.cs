using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace JobQuality.Web.Caching;

/// <summary>
/// Several replicas of the site behind one proxy: when <c>ConnectionStrings:Redis</c> is set, they
/// keep their cached pages in one Redis, so a change saved on one replica evicts the page for all of
/// them at once, and they tell each other to look up the publishing schedule again.
/// </summary>
public static class SharedPageCache
{
    public const string ConnectionStringName = "Redis";

    /// <summary>Where replicas announce that content changed.</summary>
    internal static readonly RedisChannel ContentChanged = RedisChannel.Literal("jobquality:content-changed");

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
        builder.Services.AddHostedService<ChangesOnOtherReplicas>();
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

    /// <summary>Tells the other replicas that content changed.</summary>
    public async Task AnnounceContentChangedAsync()
    {
        var redis = await ConnectAsync();
        try
        {
            await redis.GetSubscriber().PublishAsync(SharedPageCache.ContentChanged, Replica);
        }
        catch (RedisException)
        {
            // Redis is away: every replica evicts its pages again when it reconnects.
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
/// Listens for changes saved on other replicas: the next scheduled moment may have moved, and a page
/// this replica stored while the change was being saved is evicted again.
/// </summary>
internal sealed partial class ChangesOnOtherReplicas(
    RedisConnection redis,
    ContentChanges content,
    ILogger<ChangesOnOtherReplicas> logger) : IHostedService
{
    private ChannelMessageQueue? _messages;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await redis.ConnectAsync();

        // A change saved while this replica could not hear about it may have left pages behind.
        connection.ConnectionRestored += (_, _) => _ = ForgetAsync();
        await ListenAsync(connection);
    }

    private async Task ListenAsync(IConnectionMultiplexer connection)
    {
        try
        {
            _messages = await connection.GetSubscriber().SubscribeAsync(SharedPageCache.ContentChanged);
            _messages.OnMessage(async message =>
            {
                if (message.Message != redis.Replica)
                {
                    await ForgetAsync();
                }
            });
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
