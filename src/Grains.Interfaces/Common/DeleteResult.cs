namespace Commerce.Grains.Interfaces.Common;

/// <summary>The outcome of a delete: done, or why not.</summary>
public sealed record DeleteResult(CatalogError? Error)
{
    public static DeleteResult Deleted { get; } = new((CatalogError?)null);

    public bool IsSuccess => Error is null;
}
