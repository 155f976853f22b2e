namespace JobQuality.Web.Security;

public static class SecurityHeaders
{
    /// <summary>
    /// Headers on every response: a Content-Security-Policy that allows no inline script and no
    /// framing, nosniff, a referrer policy, a permissions policy, and HSTS for a year over HTTPS.
    /// </summary>
    public static IApplicationBuilder UseSiteSecurityHeaders(this IApplicationBuilder app) =>
        app.UseSecurityHeaders(policies => policies
            .AddDefaultSecurityHeaders()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data().OverHttps();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            })
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60)
            .RemoveServerHeader());
}
