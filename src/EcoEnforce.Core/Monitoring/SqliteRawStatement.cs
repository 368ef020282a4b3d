using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EcoEnforce.Monitoring;

/// <summary>A statement on the SQLite connection's own handle, bound by position. Microsoft.Data.Sqlite looks each
/// parameter up by name and builds a data reader on every execution; for the receiver's millions of single-row inserts
/// that overhead was about 40 % of the cost of a row. Runs inside the connection's current transaction, like any command.
/// Values are bound exactly as Microsoft.Data.Sqlite and EF Core store them (DateTime as
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> text, bool as 0/1), so EF reads the rows back unchanged.</summary>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteRawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Binds <paramref name="values"/> to ?1, ?2… in order, runs the statement and returns the rows changed.</summary>
    public int Execute(object?[] values)
    {
        for (var i = 0; i < values.Length; i++) Check(Bind(i + 1, values[i]));
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) Check(rc);
        return raw.sqlite3_changes(_db);
    }

    private int Bind(int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        string s => raw.sqlite3_bind_text(_statement, index, s),
        long l => raw.sqlite3_bind_int64(_statement, index, l),
        int n => raw.sqlite3_bind_int64(_statement, index, n),
        bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
        double d => raw.sqlite3_bind_double(_statement, index, d),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
        DateTime t => raw.sqlite3_bind_text(_statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"Unsupported parameter type {value.GetType().Name}", nameof(value)),
    };

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
    }

    public void Dispose() => _statement.Dispose();
}
