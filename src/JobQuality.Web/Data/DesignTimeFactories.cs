using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JobQuality.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the site.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJobQualityDbContext>
{
    public SqliteJobQualityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteJobQualityDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}

/// <summary>SQL Server needs no server to generate migrations; the connection string is never opened.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerJobQualityDbContext>
{
    public SqlServerJobQualityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerJobQualityDbContext>()
            .UseSqlServer("Server=localhost;Database=JobQuality;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
