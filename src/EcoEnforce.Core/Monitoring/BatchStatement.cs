using System.Data.Common;

namespace EcoEnforce.Monitoring;

/// <summary>One parameterised statement reused for every row of a batch, inside the batch's transaction. It is
/// prepared on first use, once its parameters hold values (Npgsql infers their types from them).</summary>
internal sealed class BatchStatement : IAsyncDisposable
{
    private readonly DbCommand _command;
    private bool _prepared;

    public BatchStatement(DbConnection connection, DbTransaction tx, string sql, params string[] parameterNames)
    {
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

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
