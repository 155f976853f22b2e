using JobQuality.Web.Accounts;
using JobQuality.Web.Audit;
using JobQuality.Web.Content.Files;
using JobQuality.Web.Data;
using JobQuality.Web.Editor;
using JobQuality.Web.Media;
using JobQuality.Web.Newsletter;
using JobQuality.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using JobQuality.Web.Webinars;
using JobQuality.Web.Shared;
using JobQuality.Web.Caching;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Serilog;
using Serilog.Events;
using Serilog.Settings.Configuration;

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

    /// <summary>
    /// The sinks, filters and formatters that the <c>Serilog</c> section of the configuration may name.
    /// Given explicitly, Serilog does not search the application's folder for assemblies with
    /// "Serilog" in their name on every start, opening each file's metadata to do so.
    /// </summary>
    private static readonly ConfigurationReaderOptions LoggingConfiguration = new(
        typeof(Log).Assembly,
        typeof(LoggerConfigurationAsyncExtensions).Assembly,
        typeof(ConsoleLoggerConfigurationExtensions).Assembly,
        typeof(FileLoggerConfigurationExtensions).Assembly,
        typeof(Serilog.Templates.ExpressionTemplate).Assembly);

    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration, LoggingConfiguration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<RedactPersonalData>(),
            preserveStaticLogger: true); // each host logs through its own logger, never a process-wide one

        builder.AddSiteCore();
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section);
        builder.AddPublicFormRateLimits();
        builder.AddNewsletter();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseInitializer>());
        builder.AddRegistrationJobs();
        builder.Services.AddSingleton<SiteWarmUp>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SiteWarmUp>());

        // Forms are small; the media upload raises its own limit. A larger body is refused with 413.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 2 * 1024 * 1024);
        builder.Services.Configure<FormOptions>(options => options.ValueLengthLimit = 1024 * 1024);

        builder.AddPublicPageCache();
        builder.AddSharedPageCache();
        builder.AddReverseProxySupport();
        builder.Services.AddResponseCompression(options =>
        {
            // Antiforgery tokens differ on every response, so compressing over HTTPS reveals nothing (BREACH).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/atom+xml", "text/calendar"]);
        });
        builder.Services.AddSingleton<IHtmlGenerator, DeferredAntiforgeryHtmlGenerator>();
        builder.AddEditorSignIn();
        builder.Services.AddOptions<EditorOptions>().BindConfiguration(EditorOptions.Section);
        builder.Services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        builder.Services.Configure<RouteOptions>(options =>
            options.ConstraintMap[ContentKindRouteConstraint.Name] = typeof(ContentKindRouteConstraint));

        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "jq.antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Every form post must carry the antiforgery token, whichever controller receives it.
        builder.Services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.Filters.Add(new OneConnectionPerPage());
            options.Conventions.Add(new HeadRequests());
        });
        builder.Services.Configure<RazorViewEngineOptions>(options => options.ViewLocationExpanders.Add(new FeatureFolders()));
        builder.Services.AddRouting(options => options.LowercaseUrls = true);
        return builder;
    }

    private const string HealthPath = "/health";

    /// <summary>
    /// How a request's line is logged: an error when the site failed it. Not when the visitor went
    /// away before the answer (a closed tab, a dropped connection), which cancels the work in hand
    /// and is nobody's failure; nor for the health check's answers, whose 503 says "not ready" while
    /// the site warms, and whose checks log their own failures.
    /// </summary>
    internal static LogEventLevel RequestLogLevel(HttpContext context, double elapsedMilliseconds, Exception? exception) =>
        exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested ? LogEventLevel.Information
        : exception is not null ? LogEventLevel.Error
        : context.Request.Path == HealthPath ? LogEventLevel.Information
        : context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
        : LogEventLevel.Information;

    public static WebApplication UseSite(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = DatabaseOutage.StatusCodeFor,
            });
        }

        app.UseSiteSecurityHeaders();
        app.UseResponseCompression();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // One line a request, through the site's own logger: the static one stays silent (see AddSite).
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = RequestLogLevel;
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AntiforgeryTokenFilling>();
        app.UseOutputCache();
        // The benchmark serves pages' own bytes as static files beside them, to measure against Kestrel's ceiling.
        if (app.Configuration["Benchmark:StaticPath"] is { Length: > 0 } benchmarkFiles)
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(benchmarkFiles),
                RequestPath = "/_static-copy",
            });
        }

        app.Use((context, next) =>
        {
            // Not ready for visitors while the pages warm: the health check says so, and when to ask again.
            return context.Request.Path == HealthPath && !context.RequestServices.GetRequiredService<SiteWarmUp>().IsDone
                ? SiteWarmUp.AnswerNotReadyAsync(context.Response)
                : next(context);
        });
        app.MapHealthChecks(HealthPath);
        app.MapStaticAssets();
        app.MapControllers().WithStaticAssets();
        return app;
    }
}
