using System.ComponentModel.DataAnnotations;

namespace Commerce.WebApi;

public sealed class CatalogApiOptions
{
    public const string Section = "Api";

    /// <summary>Larger bodies get 413. The largest valid product (10 000-character description) fits many times over.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Deeper JSON is refused with 422. No valid catalog body needs more than 2 levels.</summary>
    [Range(2, 1000)]
    public int MaxJsonDepth { get; set; } = 64;
}
