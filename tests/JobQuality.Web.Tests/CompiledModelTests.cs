using System.Reflection;
using System.Text.RegularExpressions;
using JobQuality.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace JobQuality.Web.Tests;

/// <summary>
/// The site starts on a compiled model of each provider's context (Data/CompiledModels), which EF
/// Core finds by itself instead of building the model on every start. A compiled model is code
/// generated from the model: these tests generate it again from the model as it is now and compare.
/// </summary>
public sealed partial class CompiledModelTests
{
    [Fact]
    public void The_sqlite_compiled_model_is_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        AssertCompiledModelIsCurrent(db, "Sqlite");
    }

    [Fact]
    public void The_sql_server_compiled_model_is_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        AssertCompiledModelIsCurrent(db, "SqlServer");
    }

    private static void AssertCompiledModelIsCurrent(DbContext db, string provider)
    {
        var folder = Path.Combine(Repository.Root, "src", "JobQuality.Web", "Data", "CompiledModels", provider);
        var command = $"from src/JobQuality.Web run: dotnet ef dbcontext optimize --context {db.GetType().Name} " +
            $"--output-dir Data/CompiledModels/{provider} --namespace JobQuality.Web.Data.CompiledModels.{provider}";
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = db.GetType(),
            ModelNamespace = $"JobQuality.Web.Data.CompiledModels.{provider}",
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        var generated = DesignTimeServices(db)
            .GetRequiredService<ICompiledModelCodeGeneratorSelector>()
            .Select(options)
            .GenerateModel(db.GetService<IDesignTimeModel>().Model, options)
            .ToDictionary(file => file.Path, file => file.Code);

        var committed = Directory.GetFiles(folder, "*.cs").ToDictionary(path => Path.GetFileName(path), File.ReadAllText);
        Assert.True(generated.Keys.Order().SequenceEqual(committed.Keys.Order()),
            $"The compiled model's files differ from the model's entity types; {command}");
        foreach (var (file, code) in generated)
        {
            Assert.True(Lines(code) == Lines(committed[file]), $"{file} is out of date; {command}");
        }

        // Each generation gives the model a new identity; the rest is the model itself.
        static string Lines(string code) => ModelId().Replace(code.Trim().Trim('\uFEFF').ReplaceLineEndings("\n"), "modelId: new Guid()");
    }

    /// <summary>EF Core's design-time services with those of the context's provider, as its command-line tools build them.</summary>
    private static ServiceProvider DesignTimeServices(DbContext db)
    {
        var services = new ServiceCollection()
            .AddEntityFrameworkDesignTimeServices()
            .AddDbContextDesignTimeServices(db);
        var providerAssembly = Assembly.Load(new AssemblyName(db.GetService<IDatabaseProvider>().Name));
        var providerServices = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()!;
        var designTimeServices = (IDesignTimeServices)Activator.CreateInstance(providerAssembly.GetType(providerServices.TypeName, throwOnError: true)!)!;
        designTimeServices.ConfigureDesignTimeServices(services);
        return services.BuildServiceProvider();
    }

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]+"\)""")]
    private static partial Regex ModelId();
}
