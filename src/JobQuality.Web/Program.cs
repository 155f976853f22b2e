using JobQuality.Web;
using JobQuality.Web.CommandLine;

if (SiteCommands.IsCommand(args))
{
    return await SiteCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSite();

var app = builder.Build();
app.UseSite();
var stopping = app.Lifetime.ApplicationStopping; // read before the run, which disposes the app
try
{
    await app.RunAsync();
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    // Asked to stop while still starting (Ctrl+C, a deployment replacing it): what was under way,
    // a first import say, was cancelled and rolled back. A stop, not a crash.
}

return 0;

/// <summary>The site's entry point, named so that tests can start the real app.</summary>
public partial class Program;
