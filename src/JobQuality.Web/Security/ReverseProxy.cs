using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace JobQuality.Web.Security;

/// <summary>
/// The proxies in front of the site (section <c>ForwardedHeaders</c>). Only these are believed when
/// they say who the visitor is (<c>X-Forwarded-For</c>) and whether the visit was over HTTPS
/// (<c>X-Forwarded-Proto</c>); a proxy on the same machine (loopback) is always believed.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Networks the proxies live in, in CIDR notation, e.g. <c>172.28.0.0/16</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Addresses of single proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];
}

public static class ReverseProxy
{
    /// <summary>
    /// Behind a proxy that terminates HTTPS, the site sees the visitor's own address (for rate
    /// limits and logs) and knows the visit was secure (for HSTS and Secure cookies).
    /// </summary>
    public static IHostApplicationBuilder AddReverseProxySupport(this IHostApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        var networks = proxies.KnownNetworks.Select(network => System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
            ? parsed
            : throw Invalid("KnownNetworks", network, "an address range such as 172.28.0.0/16")).ToList();
        var addresses = proxies.KnownProxies.Select(address => IPAddress.TryParse(address.Trim(), out var parsed)
            ? parsed
            : throw Invalid("KnownProxies", address, "an IP address such as 10.0.0.5")).ToList();

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            networks.ForEach(options.KnownIPNetworks.Add);
            addresses.ForEach(options.KnownProxies.Add);
        });
        return builder;
    }

    private static InvalidOperationException Invalid(string setting, string value, string expected) =>
        new($"ForwardedHeaders:{setting} holds '{value}', which is not {expected}.");
}
