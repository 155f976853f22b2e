using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Shared;

/// <summary>Limits on public forms, per client address, under the configuration section RateLimits.</summary>
public sealed class RateLimitsOptions
{
    public const string Section = "RateLimits";

    /// <summary>The policy every public form shares (feedback, and later sign-ups).</summary>
    public FixedWindowLimit PublicForms { get; set; } = new();
}

/// <summary>How many requests one client address may make in one window.</summary>
public sealed class FixedWindowLimit
{
    public int PermitLimit { get; set; } = 5;

    public int WindowSeconds { get; set; } = 600;
}

public static class RateLimits
{
    /// <summary>The named policy for public forms: <c>[EnableRateLimiting(RateLimits.PublicForms)]</c>.</summary>
    public const string PublicForms = "public-forms";

    public static IHostApplicationBuilder AddPublicFormRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitsOptions>().BindConfiguration(RateLimitsOptions.Section);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PublicForms, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitsOptions>>().Value.PublicForms;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, limit.PermitLimit),
                    Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait
                    : TimeSpan.FromSeconds(rejected.HttpContext.RequestServices
                        .GetRequiredService<IOptions<RateLimitsOptions>>().Value.PublicForms.WindowSeconds);
                rejected.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }
}
