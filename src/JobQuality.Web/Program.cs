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
await app.RunAsync();
return 0;

/// <summary>The site's entry point, named so that tests can start the real app.</summary>
public partial class Program;
