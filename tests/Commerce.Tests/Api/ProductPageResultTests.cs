using System.Text.Json;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Stock;
using Commerce.WebApi.Paging;
using Commerce.WebApi.Products;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Commerce.Tests.Api;

/// <summary>
/// Lists and searches write their pages by hand (<see cref="ProductPageResult"/>); what they write must stay the bytes
/// the API's serializer writes for the same page, with the app's own JSON options, whatever the text holds.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class ProductPageResultTests(CatalogApiFixture api)
{
    private static readonly DateTimeOffset Created = new(2026, 3, 12, 10, 20, 30, TimeSpan.Zero);

    [Fact]
    public async Task A_page_is_the_serializers_bytes_for_any_text_number_and_time()
    {
        ProductSnapshot[] products =
        [
            Product(1, "고화질 냉장고 다온 Q-9496", "가족 선물로 좋습니다.", "https://img.example.com/p/1.jpg", 8411.54m, 4342, new ProductStock(7, 2)),
            Product(2, "防水 背包 无线", "「軽量」で丈夫なリュック。", null, 0m, null, ProductStock.None),
            Product(3, "Quote \" backslash \\ tab \t newline \n bell \u0007", "<b>&amp;</b> 'single' +plus+ `tick`", "https://x.test/?a=1&b=<2>", 0.5m, 9_007_199_254_740_993, new ProductStock(long.MaxValue, 0)),
            Product(4, "Emoji 🛒🧺 and a ZWJ sequence 👩‍💻", "Ünïcödé — “quotes” … \u2028 \u2029 \u00A0", "https://img.example.com/p/4.jpg", 1_234_567_890.99m, 1, new ProductStock(1, 3)),
            Product(5, "Кириллица ёлка", "Ελληνικά עברית العربية", null, 19.999m, 77, new ProductStock(0, 0)) with
            {
                CreatedAt = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(9)).AddTicks(9_999_999),
                UpdatedAt = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999),
            },
        ];

        var (written, contentType, status) = await ExecuteAsync(new ProductPageResult(new Page<ProductSnapshot>(products, 101_147), 20, 1_000));

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("application/json; charset=utf-8", contentType);
        Assert.Equal(Serialized(products, 101_147, 20, 1_000), written);
        var text = System.Text.Encoding.UTF8.GetString(written);
        Assert.Contains("\"title\":\"고화질 냉장고 다온 Q-9496\"", text, StringComparison.Ordinal);
        Assert.Contains("\"price\":\"20.00\"", text, StringComparison.Ordinal);
        Assert.Contains("\"created_at\":\"2026-12-03T00:00:00.999999Z\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_page_is_the_serializers_bytes()
    {
        var (written, _, _) = await ExecuteAsync(new ProductPageResult(new Page<ProductSnapshot>([], 0), 50, 0));

        Assert.Equal(Serialized([], 0, 50, 0), written);
        Assert.Equal("{\"items\":[],\"total\":0,\"limit\":50,\"offset\":0}", System.Text.Encoding.UTF8.GetString(written));
    }

    private static ProductSnapshot Product(long id, string title, string description, string? imageUrl, decimal price, long? categoryId, ProductStock stock) =>
        new(id, title, description, imageUrl, $"SKU-{id}", price, categoryId, Created.AddTicks(id * 1_234_567), Created.AddTicks(id * 7_654_321), id, stock);

    private byte[] Serialized(ProductSnapshot[] products, long total, int limit, long offset) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new PageResponse<ProductResponse>([.. products.Select(ProductResponse.From)], total, limit, offset),
            api.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions);

    private async Task<(byte[] Written, string? ContentType, int Status)> ExecuteAsync(ProductPageResult result)
    {
        await using var scope = api.Services.CreateAsyncScope();
        using var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (body.ToArray(), context.Response.ContentType, context.Response.StatusCode);
    }
}
