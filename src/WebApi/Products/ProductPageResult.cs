using System.Reflection;
using System.Text.Json;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Commerce.WebApi.Json;
using Commerce.WebApi.Paging;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Commerce.WebApi.Products;

/// <summary>
/// A page of products as 200 <c>application/json</c>: the same bytes as <see cref="TypedResults.Ok{TValue}(TValue)"/>
/// of a <see cref="PageResponse{T}"/> of <see cref="ProductResponse"/>s, written straight from the read model's
/// rows. Lists and searches are the busiest answers and the serializer cannot take its generated fast path with the
/// API's relaxed encoder (CJK stays as it is on the wire), so it would walk its metadata for every property of every
/// row. <c>ProductPageResultTests</c> compares the two byte for byte.
/// </summary>
public sealed class ProductPageResult(Page<ProductSnapshot> page, int limit, long offset)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
    private static readonly JsonEncodedText Limit = JsonEncodedText.Encode("limit");
    private static readonly JsonEncodedText Offset = JsonEncodedText.Encode("offset");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText ImageUrl = JsonEncodedText.Encode("image_url");
    private static readonly JsonEncodedText Sku = JsonEncodedText.Encode("sku");
    private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
    private static readonly JsonEncodedText CategoryId = JsonEncodedText.Encode("category_id");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("created_at");
    private static readonly JsonEncodedText UpdatedAt = JsonEncodedText.Encode("updated_at");
    private static readonly JsonEncodedText Stock = JsonEncodedText.Encode("stock");
    private static readonly JsonEncodedText OnHand = JsonEncodedText.Encode("on_hand");
    private static readonly JsonEncodedText Reserved = JsonEncodedText.Encode("reserved");
    private static readonly JsonEncodedText Available = JsonEncodedText.Encode("available");

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var options = httpContext.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true }))
        {
            Write(writer);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>Ok's own: a 200 of the page's type, so the OpenAPI document stays as it was.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(PageResponse<ProductResponse>), ["application/json"]));

    private void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(Items);
        foreach (var product in page.Items)
        {
            WriteProduct(writer, product);
        }

        writer.WriteEndArray();
        writer.WriteNumber(Total, page.Total);
        writer.WriteNumber(Limit, limit);
        writer.WriteNumber(Offset, offset);
        writer.WriteEndObject();
    }

    // In the order of ProductResponse's properties.
    private static void WriteProduct(Utf8JsonWriter writer, ProductSnapshot product)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Id, product.Id);
        writer.WriteString(Title, product.Title);
        writer.WriteString(Description, product.Description);
        writer.WriteString(ImageUrl, product.ImageUrl);
        writer.WriteString(Sku, product.Sku);
        writer.WriteString(Price, Money.Format(product.Price));
        if (product.CategoryId is { } categoryId)
        {
            writer.WriteNumber(CategoryId, categoryId);
        }
        else
        {
            writer.WriteNull(CategoryId);
        }

        writer.WriteString(CreatedAt, ApiTime.Format(product.CreatedAt));
        writer.WriteString(UpdatedAt, ApiTime.Format(product.UpdatedAt));
        writer.WriteStartObject(Stock);
        writer.WriteNumber(OnHand, product.Stock.OnHand);
        writer.WriteNumber(Reserved, product.Stock.Reserved);
        writer.WriteNumber(Available, product.Stock.Available);
        writer.WriteEndObject();
        writer.WriteNumber(Available, product.Stock.Available);
        writer.WriteEndObject();
    }
}
