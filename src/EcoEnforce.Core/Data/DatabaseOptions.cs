namespace EcoEnforce.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Binds from section "Database" (e.g. <c>Database__Provider=Postgres</c>); the connection string is
/// <c>ConnectionStrings:EcoEnforce</c>. Without one, SQLite uses <c>{ECOENFORCE_DATA_DIR}/ecoenforce.db</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Load the fictitious demo data set on first start (<c>ECOENFORCE_DEMO=false</c> turns it off).</summary>
    public bool Demo { get; set; } = true;

    public static string DataDirectory(Microsoft.Extensions.Configuration.IConfiguration config) =>
        Path.GetFullPath(config["ECOENFORCE_DATA_DIR"] is { Length: > 0 } dir ? dir : "data");
}
