using System.Text.Json.Serialization;
using Commerce.Runtime.Diagnostics;
using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Cluster;

/// <summary>Source-generated JSON for the runtime's own messages between silos.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WireCall))]
[JsonSerializable(typeof(WireOutcome))]
[JsonSerializable(typeof(GrainId[]))]
[JsonSerializable(typeof(SiloStats))]
internal sealed partial class RuntimeWireJsonContext : JsonSerializerContext;
