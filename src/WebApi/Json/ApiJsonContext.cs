using System.Text.Json.Serialization;
using Commerce.WebApi.Carts;
using Commerce.WebApi.Categories;
using Commerce.WebApi.Orders;
using Commerce.WebApi.Paging;
using Commerce.WebApi.Products;
using Commerce.WebApi.Stock;
using Microsoft.AspNetCore.Mvc;

namespace Commerce.WebApi.Json;

/// <summary>Source-generated JSON for everything the API writes: no reflection on the hot path, snake_case names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ProductResponse))]
[JsonSerializable(typeof(CategoryResponse))]
[JsonSerializable(typeof(StockResponse))]
[JsonSerializable(typeof(CartResponse))]
[JsonSerializable(typeof(OrderResponse))]
[JsonSerializable(typeof(PageResponse<OrderResponse>))]
[JsonSerializable(typeof(List<Dictionary<string, long>>))]
[JsonSerializable(typeof(Dictionary<string, string[]>))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(PageResponse<ProductResponse>))]
[JsonSerializable(typeof(PageResponse<CategoryResponse>))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(ValidationProblemDetails))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string[]>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
