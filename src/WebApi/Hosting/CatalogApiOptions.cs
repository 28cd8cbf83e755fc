using System.ComponentModel.DataAnnotations;

namespace Commerce.WebApi;

public sealed class CatalogApiOptions
{
    public const string Section = "Api";

    /// <summary>Larger bodies get 413. The largest valid product (10 000-character description) fits many times over.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
