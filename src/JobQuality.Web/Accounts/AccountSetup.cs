using JobQuality.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.Identity;

namespace JobQuality.Web.Accounts;

public static class AccountSetup
{
    /// <summary>Identity for editors: the user store, password and lockout rules, roles.</summary>
    public static IHostApplicationBuilder AddEditorAccounts(this IHostApplicationBuilder builder)
    {
        // Keys live in the database, so a cookie issued by one instance of the site is valid on all.
        // New keys use AES-256-GCM, which authenticates as it encrypts: one derived key and one pass
        // a token, where the default (AES-256-CBC with HMAC-SHA256) derives two keys and makes two
        // passes. Pages with a form protect one or two tokens on every response, so this is on the
        // path of cached pages. Keys made before keep their own algorithm and go on working.
        builder.Services.AddDataProtection()
            .SetApplicationName("JobQuality")
            .PersistKeysToDbContext<JobQualityDbContext>()
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
            });
        builder.Services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);
        builder.Services
            .AddIdentityCore<EditorUser>(options =>
            {
                // Length over composition: a long passphrase beats a short password with symbols.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<JobQualityDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        builder.Services.AddScoped<IUserConfirmation<EditorUser>, EnabledAccountsOnly>();
        builder.Services.AddScoped<EditorAccounts>();
        return builder;
    }

    /// <summary>Cookie sign-in for the editor area; the site itself is public.</summary>
    public static WebApplicationBuilder AddEditorSignIn(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.Cookie.Name = "jq.editor";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);

            // An editor who may not see a page gets a plain 403, shown as a friendly page.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Editors, policy => policy.RequireRole(Roles.Admin, Roles.Editor))
            .AddPolicy(Roles.Admins, policy => policy.RequireRole(Roles.Admin));
        return builder;
    }
}

/// <summary>A disabled account is refused at sign-in, as an unconfirmed one would be.</summary>
public sealed class EnabledAccountsOnly : IUserConfirmation<EditorUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<EditorUser> manager, EditorUser user) =>
        Task.FromResult(user.DisabledAt is null);
}
