namespace Bastion.Paths;

/// <summary>Outcome of <see cref="SafePathResolver.Resolve"/>: a proven path, or why it was refused.</summary>
public readonly record struct SafePathResult(SafeFilePath Path, PathRejection Rejection)
{
    /// <summary>True when <see cref="Path"/> is set and inside the root.</summary>
    public bool Succeeded => Rejection == PathRejection.None;

    /// <summary>The HTTP status an endpoint should answer a refusal with: 404 for a missing file, otherwise 400.</summary>
    public int StatusCode => Rejection switch
    {
        PathRejection.None => 200,
        PathRejection.NotFound => 404,
        _ => 400,
    };

    internal static SafePathResult Refuse(PathRejection rejection) => new(default, rejection);
}
