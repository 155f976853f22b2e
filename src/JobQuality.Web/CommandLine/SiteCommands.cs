using System.CommandLine;
using JobQuality.Web.Accounts;
using JobQuality.Web.Content.Files;
using JobQuality.Web.Data;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.CommandLine;

/// <summary>
/// The site's command line: the same assembly that serves the site imports and exports content.
/// Each command runs against the database the site's configuration names.
/// </summary>
public static class SiteCommands
{
    private static readonly string[] Names = ["import", "export", "health", "users", "registrations"];

    /// <summary>True when the arguments name a command rather than options for the web server.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Names.Contains(args[0], StringComparer.Ordinal) || args[0] is "--help" or "-h" or "-?");

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Job Quality Center of Excellence: run the site, or manage its content.");
        root.Subcommands.Add(ImportCommand());
        root.Subcommands.Add(ExportCommand());
        root.Subcommands.Add(HealthCommand());
        root.Subcommands.Add(UsersCommand());
        root.Subcommands.Add(RegistrationsCommand());
        return root.Parse(args).InvokeAsync();
    }

    private static Command ImportCommand()
    {
        var path = new Argument<string?>("path")
        {
            Description = "The content folder to import (default: the configured Content:Path).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var ifEmpty = new Option<bool>("--if-empty")
        {
            Description = "Import only into a database that holds no content yet: the first start of a deployment.",
        };
        var command = new Command("import", "Validate every content file, then insert or update them all; nothing is written if any file is invalid.")
        {
            path,
            ifEmpty,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            await host.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(scope.ServiceProvider, cancellationToken);
            var root = ResolveFolder(host, result.GetValue(path));
            if (result.GetValue(ifEmpty) && await scope.ServiceProvider.GetRequiredService<JobQualityDbContext>().Content.AnyAsync(cancellationToken))
            {
                Console.WriteLine("The database already holds content; nothing was imported.");
                return 0;
            }

            var outcome = await scope.ServiceProvider.GetRequiredService<ContentImporter>()
                .ImportAsync(root, ImportMode.AllOrNothing, cancellationToken);
            if (!outcome.Succeeded)
            {
                foreach (var problem in outcome.Problems)
                {
                    await Console.Error.WriteLineAsync(problem.ToString());
                }

                await Console.Error.WriteLineAsync(
                    $"Nothing was imported: {outcome.Problems.Count} problem(s) in {root}.");
                return 1;
            }

            Console.WriteLine($"Imported {root}: {outcome.Added} added, {outcome.Updated} updated, {outcome.Unchanged} unchanged.");
            return 0;
        });
        return command;
    }

    private static Command ExportCommand()
    {
        var path = new Argument<string?>("path")
        {
            Description = "The folder to write into (default: the configured Content:Path).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("export", "Write every item in the database out as content files.")
        {
            path,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var root = ResolveFolder(host, result.GetValue(path));
            var count = await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(root, cancellationToken);
            Console.WriteLine($"Exported {count} item(s) to {root}.");
            return 0;
        });
        return command;
    }

    private static Command UsersCommand()
    {
        var email = new Argument<string>("email") { Description = "The new account's email address." };
        var role = new Option<string>("--role")
        {
            Description = "Admin or Editor.",
            Required = true,
        };
        var create = new Command("create", "Create an editor account; the password is read from standard input.") { email, role };
        create.SetAction(async (result, cancellationToken) =>
        {
            var password = ReadPassword();
            using var host = BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            await host.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(scope.ServiceProvider, cancellationToken);
            var errors = await scope.ServiceProvider.GetRequiredService<EditorAccounts>()
                .CreateAsync(result.GetValue(email)!, result.GetValue(role)!, password, "command line");
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            if (errors.Count > 0)
            {
                return 1;
            }

            Console.WriteLine($"Created {result.GetValue(email)} as {Roles.Find(result.GetValue(role))}.");
            return 0;
        });
        return new Command("users", "Manage editor accounts.") { create };
    }

    /// <summary>The first line of standard input; typed without echo when a person is at the terminal.</summary>
    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? string.Empty;
        }

        Console.Write("Password: ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return password.ToString();
    }

    /// <summary>A probe for container health checks, where no curl is installed.</summary>
    private static Command HealthCommand()
    {
        var url = new Argument<Uri>("url")
        {
            Description = "The health address to ask.",
            DefaultValueFactory = _ => new Uri("http://localhost:8080/health"),
        };
        var command = new Command("health", "Ask a running site whether it is healthy; exits 0 when it is.") { url };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(result.GetValue(url), cancellationToken);
                Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (HttpRequestException ex)
            {
                await Console.Error.WriteLineAsync($"The site did not answer: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command RegistrationsCommand()
    {
        var erase = new Command("erase",
            "Erase the personal data of registrations for webinars that ended more than Registrations:RetentionDays days ago; the counts stay.");
        erase.SetAction(async (_, cancellationToken) =>
        {
            using var host = BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            await host.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(scope.ServiceProvider, cancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<RegistrationEraser>().EraseEndedAsync(cancellationToken);
            Console.WriteLine($"Erased the personal data of {result.Registrations} registration(s) for {result.Webinars} webinar(s) that ended before {result.EndedBefore:yyyy-MM-dd HH:mm} UTC.");
            return 0;
        });
        return new Command("registrations", "Manage webinar registrations.") { erase };
    }

    private static IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSiteCore();
        return builder.Build();
    }

    private static string ResolveFolder(IHost host, string? given) =>
        given is not null
            ? Path.GetFullPath(given)
            : host.Services.GetRequiredService<IOptions<ContentOptions>>().Value
                .ResolvePath(host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath);
}
