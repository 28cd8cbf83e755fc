using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commerce.Tests.OpenApi.Generated;

/// <summary>The hand-written half of the generated client.</summary>
public partial class CatalogClient
{
    // Fields a caller leaves null are left out of the body, so a PATCH changes only what it sets (NSwag's
    // Newtonsoft flavour does the same with NullValueHandling.Ignore). The price of it: this client cannot send
    // an explicit null to clear image_url or category_id.
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
}
