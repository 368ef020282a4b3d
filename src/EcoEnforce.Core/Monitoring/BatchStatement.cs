using System.Data.Common;

namespace EcoEnforce.Monitoring;

/// <summary>One parameterised statement reused for every row of a batch, inside the batch's transaction. On SQLite
/// it runs on the raw handle (<see cref="SqliteRawStatement"/>); elsewhere it is a prepared ADO.NET command, prepared on
/// first use once its parameters hold values (Npgsql infers their types from them). Parameters are named in the SQL in
/// the order the values are passed, each used once.</summary>
internal sealed class BatchStatement : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly SqliteRawStatement? _sqlite;
    private bool _prepared;

    public BatchStatement(DbConnection connection, DbTransaction tx, string sql, params string[] parameterNames)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite) _sqlite = new SqliteRawStatement(sqlite, sql);
        _command = connection.CreateCommand();
        _command.Transaction = tx;
        _command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            var p = _command.CreateParameter();
            p.ParameterName = name;
            _command.Parameters.Add(p);
        }
    }

    /// <summary>Rows affected (0 when <c>ON CONFLICT DO NOTHING</c> skipped the row).</summary>
    public async ValueTask<int> ExecuteAsync(CancellationToken ct, params object?[] values)
    {
        if (_sqlite is not null) return _sqlite.Execute(values);
        await BindAsync(values, ct);
        return await _command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask<object?> ScalarAsync(CancellationToken ct, params object?[] values)
    {
        await BindAsync(values, ct);
        return await _command.ExecuteScalarAsync(ct);
    }

    private async ValueTask BindAsync(object?[] values, CancellationToken ct)
    {
        for (var i = 0; i < values.Length; i++) _command.Parameters[i].Value = values[i] ?? DBNull.Value;
        if (_prepared) return;
        await _command.PrepareAsync(ct);
        _prepared = true;
    }

    public ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        return _command.DisposeAsync();
    }
}
