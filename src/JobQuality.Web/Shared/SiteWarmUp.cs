using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace JobQuality.Web.Shared;

/// <summary>
/// A site just started compiles each kind of page (its queries, its view) the first time someone
/// asks for it. Under load, the first visitors all waited for that together, some for more than two
/// seconds. So once the server listens, the site asks itself for each section and the first page
/// each one links to, and <c>/health</c> answers 503 until then, so that a load balancer (or the
/// container's health check) sends visitors once the pages are warm.
/// </summary>
public sealed partial class SiteWarmUp(IServer server, ILogger<SiteWarmUp> logger) : IHostedLifecycleService
{
    private static readonly string[] Sections = ["/", "/toolkit", "/research", "/exemplars", "/webinars", "/topics", "/search?q=work"];

    private volatile bool _done;

    /// <summary>Whether warming is over (done, or given up).</summary>
    public bool IsDone => _done;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Only a real server has an address to ask (an in-memory test server has none).
            if (OwnAddress() is { } address)
            {
                using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
                var pages = 0;
                foreach (var section in Sections)
                {
                    var html = await client.GetStringAsync(section, cancellationToken);
                    pages++;
                    if (section.Length > 1 && !section.Contains('?', StringComparison.Ordinal)
                        && Regex.Match(html, $"href=\"({Regex.Escape(section)}/[a-z0-9-]+)\"") is { Success: true } link)
                    {
                        await client.GetStringAsync(link.Groups[1].Value, cancellationToken);
                        pages++;
                    }
                }

                LogWarm(logger, pages);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // Warming is a courtesy to the first visitors; the site serves without it. Asked to stop
            // meanwhile (a deployment replacing it, Ctrl+C), the site goes on to stop as usual.
            if (cancellationToken.IsCancellationRequested)
            {
                LogStoppedWarming(logger);
            }
            else
            {
                LogNotWarm(logger, ex.GetType().Name);
            }
        }
        finally
        {
            _done = true;
        }
    }

    /// <summary>
    /// The health check's answer while the pages warm: 503, when to ask again, and a line of text,
    /// so that the site does not render its HTML error page for every poll of a load balancer.
    /// </summary>
    public static Task AnswerNotReadyAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "1";
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync("Warming up");
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An address this server listens on, plain HTTP first, with a wildcard host made concrete.</summary>
    private Uri? OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        var concrete = Regex.Replace(address, @"://(\+|\*|\[::\]|0\.0\.0\.0)", "://localhost");
        return Uri.TryCreate(concrete, UriKind.Absolute, out var uri) ? uri : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed {Pages} pages")]
    private static partial void LogWarm(ILogger logger, int pages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the pages stopped early ({ErrorType}); the site serves them as they are asked for")]
    private static partial void LogNotWarm(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "The site was asked to stop while warming its pages")]
    private static partial void LogStoppedWarming(ILogger logger);
}
