namespace Commerce.Grains.Interfaces.Common;

/// <summary>Why a catalog command was refused; the front-end maps each kind to one HTTP status.</summary>
[GenerateSerializer, Alias("Commerce.CatalogErrorKind")]
public enum CatalogErrorKind
{
    /// <summary>Input breaks a rule (422). Field errors say which.</summary>
    Validation,

    /// <summary>The addressed resource does not exist (404).</summary>
    NotFound,

    /// <summary>A referenced parent or category does not exist (404).</summary>
    ReferenceNotFound,

    /// <summary>A uniqueness rule: SKU or sibling name (409).</summary>
    Conflict,

    /// <summary>The caller's expected version is stale (412).</summary>
    PreconditionFailed,
}

[GenerateSerializer, Immutable, Alias("Commerce.CatalogError")]
public sealed record CatalogError(
    [property: Id(0)] CatalogErrorKind Kind,
    [property: Id(1)] string Detail,
    [property: Id(2)] IReadOnlyDictionary<string, string[]>? FieldErrors = null)
{
    public static CatalogError Invalid(string field, string message) =>
        new(CatalogErrorKind.Validation, message, new Dictionary<string, string[]> { [field] = [message] });
}
