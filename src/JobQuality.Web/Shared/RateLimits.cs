using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Shared;

/// <summary>Limits on public forms, per client address, under the configuration section RateLimits.</summary>
public sealed class RateLimitsOptions
{
    public const string Section = "RateLimits";

    /// <summary>The policy every public form shares: feedback and newsletter sign-ups.</summary>
    public FixedWindowLimit PublicForms { get; set; } = new();

    /// <summary>
    /// Webinar registrations. An office behind one router must still get through, so one address
    /// may register 30 times a minute; a rapid burst beyond that is refused in part.
    /// </summary>
    public FixedWindowLimit Registrations { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Sign-in attempts, on top of the lockout of a single account after five failures.</summary>
    public FixedWindowLimit SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };
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

    public const string Registrations = "registrations";

    public const string SignIn = "sign-in";

    public static IHostApplicationBuilder AddPublicFormRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitsOptions>().BindConfiguration(RateLimitsOptions.Section);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            AddPerAddress(limiter, PublicForms, limits => limits.PublicForms);
            AddPerAddress(limiter, Registrations, limits => limits.Registrations);
            AddPerAddress(limiter, SignIn, limits => limits.SignIn);
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait
                    : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>A fixed window per client address; the limits are read from configuration.</summary>
    private static void AddPerAddress(RateLimiterOptions limiter, string name, Func<RateLimitsOptions, FixedWindowLimit> select) =>
        limiter.AddPolicy(name, context =>
        {
            var limit = select(context.RequestServices.GetRequiredService<IOptions<RateLimitsOptions>>().Value);
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit.PermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
                QueueLimit = 0,
            });
        });
}
