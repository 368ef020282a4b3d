using EcoEnforce.Monitoring;
using Microsoft.Data.Sqlite;

namespace EcoEnforce.Core.Tests.Monitoring;

/// <summary>The receiver's raw SQLite inserts must store values exactly as Microsoft.Data.Sqlite (and so EF Core) does,
/// or keys would not match and EF would read different values back.</summary>
public sealed class SqliteRawStatementTests
{
    public static TheoryData<object?> Values => new()
    {
        new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(2023, 1, 1, 8, 5, 3, 120, DateTimeKind.Utc),
        new DateTime(2026, 11, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(1234567),
        "a21026", "涪陵（示例）", 42L, 7, true, false, 3.14159, -0.0, 1e-300, new byte[] { 0x23, 0x23, 0, 0xff }, null!,
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_stored_as_Microsoft_Data_Sqlite_stores_it(object? value)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (source TEXT, v)";
            create.ExecuteNonQuery();
        }
        using (var ado = connection.CreateCommand())
        {
            ado.CommandText = "INSERT INTO t VALUES ('ado', @v)";
            ado.Parameters.AddWithValue("@v", value ?? DBNull.Value);
            ado.ExecuteNonQuery();
        }
        using (var statement = new SqliteRawStatement(connection, "INSERT INTO t VALUES ('raw', @v)"))
        {
            Assert.Equal(1, statement.Execute([value]));
        }
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT typeof(v), quote(v) FROM t ORDER BY source";
        using var reader = read.ExecuteReader();
        Assert.True(reader.Read());
        var (adoType, adoValue) = (reader.GetString(0), reader.GetString(1));
        Assert.True(reader.Read());
        Assert.Equal(adoType, reader.GetString(0));
        Assert.Equal(adoValue, reader.GetString(1));
    }

    [Fact]
    public void A_constraint_violation_is_a_SqliteException_and_the_statement_stays_usable()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (k TEXT PRIMARY KEY)";
            create.ExecuteNonQuery();
        }
        using var statement = new SqliteRawStatement(connection, "INSERT INTO t VALUES (@k)");
        Assert.Equal(1, statement.Execute(["a"]));
        Assert.Throws<SqliteException>(() => statement.Execute(["a"]));
        Assert.Equal(1, statement.Execute(["b"]));
    }
}
