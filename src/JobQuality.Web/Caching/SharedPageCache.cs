using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
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

        // The site starts while Redis is still coming up, and reconnects by itself after an outage.
        options.AbortOnConnectFail = false;
        builder.Services.AddSingleton(new RedisConnection(options));
        builder.Services.AddStackExchangeRedisOutputCache(_ => { });
        builder.Services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection>((cache, redis) =>
        {
            cache.InstanceName = "jobquality:";
            cache.ConnectionMultiplexerFactory = redis.ConnectAsync;
        });
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
        await redis.GetSubscriber().PublishAsync(SharedPageCache.ContentChanged, Replica);
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
    PublishingSchedule schedule,
    IOutputCacheStore store,
    ILogger<ChangesOnOtherReplicas> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await redis.ConnectAsync();
        var messages = await connection.GetSubscriber().SubscribeAsync(SharedPageCache.ContentChanged);
        messages.OnMessage(async message =>
        {
            if (message.Message == redis.Replica)
            {
                return;
            }

            schedule.Forget();
            try
            {
                await store.EvictByTagAsync(PublicPageCache.PublicTag, CancellationToken.None);
            }
            catch (RedisException ex)
            {
                LogEvictionFailed(logger, ex);
            }
        });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var connection = await redis.ConnectAsync();
        await connection.GetSubscriber().UnsubscribeAsync(SharedPageCache.ContentChanged);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not evict cached pages after a change on another replica")]
    private static partial void LogEvictionFailed(ILogger logger, Exception exception);
}
