using System.Text.Json.Serialization;

namespace Commerce.WebApi.Dashboard;

/// <summary>Source-generated JSON for the dashboard's API, snake_case like the rest of the API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(OverviewResponse))]
[JsonSerializable(typeof(GrainsResponse))]
[JsonSerializable(typeof(SiloRow[]))]
[JsonSerializable(typeof(GrainStateResponse))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
