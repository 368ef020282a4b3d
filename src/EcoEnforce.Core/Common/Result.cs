namespace EcoEnforce.Common;

/// <summary>An expected failure keyed by the field it concerns; messages are Chinese because users read them.</summary>
public sealed record FieldError(string Field, string Message);

public sealed class Result<T>
{
    private Result(T? value, IReadOnlyList<FieldError> errors) => (Value, Errors) = (value, errors);

    public T? Value { get; }
    public IReadOnlyList<FieldError> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static Result<T> Ok(T value) => new(value, []);
    public static Result<T> Fail(IReadOnlyList<FieldError> errors) => new(default, errors);
    public static Result<T> Fail(string field, string message) => new(default, [new FieldError(field, message)]);
}
