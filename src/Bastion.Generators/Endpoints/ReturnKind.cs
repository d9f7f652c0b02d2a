namespace Bastion.Generators.Endpoints;

/// <summary>What the generated endpoint does with the handler's return value.</summary>
internal enum ReturnKind
{
    /// <summary>void, Task or ValueTask: nothing is written; the status is 200.</summary>
    Nothing,

    /// <summary>An <c>IResult</c> (TypedResults, <c>Results&lt;...&gt;</c>): executed as is.</summary>
    Result,

    /// <summary>Any other value: written as JSON through its <c>JsonTypeInfo</c>.</summary>
    Json,
}
