namespace JobQuality.Web.Tests;

/// <summary>A real Redis (Debian's redis-server) on a port of its own, keeping nothing on disk; .ci/run installs it.</summary>
public sealed class RedisServer : LocalServer
{
    private RedisServer(int port)
        : base(port)
    {
    }

    /// <summary>The value of <c>ConnectionStrings:Redis</c> that reaches this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static Task<RedisServer> StartAsync() => StartAsync(FreePort());

    /// <summary>Starts a server on <paramref name="port"/>: a new one, or one that comes back after <see cref="LocalServer.DisposeAsync"/>.</summary>
    public static async Task<RedisServer> StartAsync(int port)
    {
        var server = new RedisServer(port);
        await server.StartAsync("redis-server", "redis-server", "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
        return server;
    }
}
