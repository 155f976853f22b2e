namespace JobQuality.Web.Data;

/// <summary>Which database engine holds the site's data (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>
    /// Apply migrations at start. On by default for SQLite; for SQL Server a separate migration
    /// step applies them, so that replicas never race to migrate.
    /// </summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Import content/ into a database that holds no content yet.</summary>
    public bool ImportContentWhenEmpty { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
