namespace Liaison.Web.Platform.Web;

internal enum ResultStatus
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>One field that differs between the saved record and what the editor submitted.</summary>
internal sealed record ConflictField(string Field, string Label, string? Saved, string? Yours);

/// <summary>Why a save was refused: somebody else saved first. Shows what they changed.</summary>
internal sealed record ConflictInfo(int CurrentVersion, IReadOnlyList<ConflictField> Fields, string? ChangedBy, DateTime? ChangedAt);

/// <summary>What a use case answers: a value, or why there is none. Pages and API translate it.</summary>
internal sealed class Result<T>
{
    private Result(ResultStatus status, T? value, IReadOnlyDictionary<string, string[]>? errors, ConflictInfo? conflict)
    {
        Status = status;
        Value = value;
        Errors = errors ?? new Dictionary<string, string[]>();
        Conflict = conflict;
    }

    public ResultStatus Status { get; }
    public T? Value { get; }

    /// <summary>Field errors, keyed by the input's property name ("" for the whole form).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
    public ConflictInfo? Conflict { get; }

    public bool IsOk => Status == ResultStatus.Ok;

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, null, null);
    public static Result<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ResultStatus.Invalid, default, errors, null);
    public static Result<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
    public static Result<T> NotFound() => new(ResultStatus.NotFound, default, null, null);
    public static Result<T> Forbidden() => new(ResultStatus.Forbidden, default, null, null);
    public static Result<T> Conflicted(ConflictInfo conflict) => new(ResultStatus.Conflict, default, null, conflict);

    /// <summary>The value turned into another by <paramref name="map"/>, or the same failure.</summary>
    public Result<TOther> Map<TOther>(Func<T, TOther> map) => IsOk ? Result<TOther>.Ok(map(Value!)) : Cast<TOther>();

    /// <summary>The same failure, for a use case answering another type.</summary>
    public Result<TOther> Cast<TOther>() => Status == ResultStatus.Ok
        ? throw new InvalidOperationException("Only a failure can be cast.")
        : new Result<TOther>(Status, default, Errors, Conflict);
}
