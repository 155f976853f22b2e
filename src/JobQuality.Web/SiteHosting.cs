using JobQuality.Web.Content.Files;
using JobQuality.Web.Data;
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
        return builder;
    }

    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());

        builder.AddSiteCore();
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section);
        builder.AddPublicFormRateLimits();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseInitializer>());

        builder.Services.AddControllersWithViews();
        builder.Services.Configure<RazorViewEngineOptions>(options =>
        {
            // Views live beside their controllers, in the folder named for the feature.
            options.ViewLocationFormats.Clear();
            options.ViewLocationFormats.Add("/{1}/{0}" + RazorViewEngine.ViewExtension);
            options.ViewLocationFormats.Add("/Shared/{0}" + RazorViewEngine.ViewExtension);
        });
        builder.Services.AddRouting(options => options.LowercaseUrls = true);
        return builder;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.MapHealthChecks("/health");
        app.MapControllers();
        return app;
    }
}
