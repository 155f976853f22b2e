using JobQuality.Web.Accounts;
using JobQuality.Web.Audit;
using JobQuality.Web.Content.Files;
using JobQuality.Web.Data;
using JobQuality.Web.Editor;
using JobQuality.Web.Media;
using JobQuality.Web.Security;
using Microsoft.AspNetCore.Mvc;
using JobQuality.Web.Webinars;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc.Razor;
using Serilog;

namespace JobQuality.Web;

/// <summary>What the site is made of; Program.cs reads as the table of contents.</summary>
public static class SiteHosting
{
    /// <summary>Services shared by the site and its command line.</summary>
    public static IHostApplicationBuilder AddSiteCore(this IHostApplicationBuilder builder)
    {
        builder.AddJobQualityData();
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddScoped<ContentImporter>();
        builder.Services.AddScoped<ContentExporter>();
        builder.Services.AddScoped<AuditLog>();
        builder.AddEditorAccounts();
        builder.AddWebinarRegistration();
        return builder;
    }

    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        // Each host keeps its own logger: with the static one, a second host in the same process
        // (tests start several) would take over, or on shutdown silence, the first one's logs.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<RedactEmailAddresses>(),
            preserveStaticLogger: true);

        builder.AddSiteCore();
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section);
        builder.AddPublicFormRateLimits();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseInitializer>());
        builder.AddRegistrationJobs();

        builder.AddEditorSignIn();
        builder.Services.AddOptions<EditorOptions>().BindConfiguration(EditorOptions.Section);
        builder.Services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        builder.Services.Configure<RouteOptions>(options =>
            options.ConstraintMap[ContentKindRouteConstraint.Name] = typeof(ContentKindRouteConstraint));

        // Every form post must carry the antiforgery token, whichever controller receives it.
        builder.Services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        builder.Services.Configure<RazorViewEngineOptions>(options => options.ViewLocationExpanders.Add(new FeatureFolders()));
        builder.Services.AddRouting(options => options.LowercaseUrls = true);
        return builder;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = DatabaseOutage.StatusCodeFor,
            });
        }

        app.UseSiteSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapHealthChecks("/health");
        app.MapControllers();
        return app;
    }
}
