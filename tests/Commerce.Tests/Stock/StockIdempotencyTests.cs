using System.Net;
using System.Text.Json;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Idempotency;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Stock;
using Commerce.Tests.Api;
using Commerce.WebApi.Idempotency;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Tests.Stock;

/// <summary>Idempotency-Key on stock adjustments: a repeat answers the first answer and takes effect once.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class StockIdempotencyTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task A_repeat_with_the_same_key_and_body_answers_the_first_answer_and_adds_once()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 10);
        var key = "adj-" + Unique.Token();
        var first = await Adjust(product.Id(), 5, "restock", key);
        first.AssertStatus(HttpStatusCode.OK);
        // Another adjustment in between: a replay must answer what the first attempt answered, not today's figures.
        (await Adjust(product.Id(), 1, "found one", key: null)).AssertStatus(HttpStatusCode.OK);

        var repeat = await Client.SendAsync(HttpMethod.Post, $"/api/v1/products/{product.Id()}/stock-adjustments",
            """{ "reason": "restock",   "delta": 5 }""", idempotencyKey: key);
        repeat.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(first.Body, repeat.Body);
        StockTests.AssertStock((await Client.ApiGetAsync($"/api/v1/products/{product.Id()}")).Json, onHand: 16, reserved: 0);
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_path_is_422_and_changes_nothing()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 10);
        var other = await Client.CreateProductAsync(stockOnHand: 10);
        var key = "adj-" + Unique.Token();
        (await Adjust(product.Id(), 5, "restock", key)).AssertStatus(HttpStatusCode.OK);

        (await Adjust(product.Id(), 6, "restock", key)).AssertInvalid("Idempotency-Key");
        (await Adjust(other.Id(), 5, "restock", key)).AssertInvalid("Idempotency-Key");
        StockTests.AssertStock((await Client.ApiGetAsync($"/api/v1/products/{product.Id()}")).Json, onHand: 15, reserved: 0);
        StockTests.AssertStock((await Client.ApiGetAsync($"/api/v1/products/{other.Id()}")).Json, onHand: 10, reserved: 0);
    }

    [Fact]
    public async Task A_refusal_is_replayed_as_it_was()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 1);
        var key = "adj-" + Unique.Token();
        var first = await Adjust(product.Id(), -2, "count", key);
        first.AssertProblem(HttpStatusCode.Conflict);
        (await Adjust(product.Id(), 5, "restock", key: null)).AssertStatus(HttpStatusCode.OK);

        var repeat = await Adjust(product.Id(), -2, "count", key);
        repeat.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(first.Body, repeat.Body);
        StockTests.AssertStock((await Client.ApiGetAsync($"/api/v1/products/{product.Id()}")).Json, onHand: 6, reserved: 0);
    }

    [Fact]
    public async Task A_repeat_after_a_crash_that_refused_but_never_answered_is_refused_alike_though_units_came_in_since()
    {
        // What a crash leaves when it strikes after the product refused and before the answer was stored: the key is
        // bound to the adjustment's id, no answer is kept. The client may have heard the 409; units arrive; it repeats.
        var product = await Client.CreateProductAsync(stockOnHand: 1);
        var key = "adj-" + Unique.Token();
        var adjustmentId = Guid.NewGuid().ToString("N");
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var fingerprint = IdempotentRequest.Fingerprint("POST", $"/api/v1/products/{product.Id()}/stock-adjustments", "-2\ncount");
        Assert.True((await grains.GetGrain<IIdempotencyKeyGrain>(key).BeginAsync(fingerprint, adjustmentId)).SameRequest);
        var refused = await grains.GetGrain<IProductGrain>(product.Id()).AdjustStockAsync(new StockAdjustment(adjustmentId, -2, "count"));
        Assert.Equal(CatalogErrorKind.Conflict, refused.Error?.Kind);
        (await Adjust(product.Id(), 5, "restock", key: null)).AssertStatus(HttpStatusCode.OK);

        var repeat = await Adjust(product.Id(), -2, "count", key);

        repeat.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("has 1 on hand and 0 reserved", repeat.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        StockTests.AssertStock((await Client.ApiGetAsync($"/api/v1/products/{product.Id()}")).Json, onHand: 6, reserved: 0);
    }

    [Fact]
    public async Task Concurrent_repeats_of_one_key_add_once_and_all_answer_alike()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 0);
        var key = "adj-" + Unique.Token();
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Adjust(product.Id(), 3, "restock", key)));

        Assert.All(answers, a => a.AssertStatus(HttpStatusCode.OK));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        StockTests.AssertStock((await Client.ApiGetAsync($"/api/v1/products/{product.Id()}")).Json, onHand: 3, reserved: 0);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("tab\tkey")]
    public async Task A_key_that_is_not_visible_ascii_is_422(string key)
    {
        var product = await Client.CreateProductAsync();
        (await Adjust(product.Id(), 1, "restock", key)).AssertInvalid("Idempotency-Key");
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_422()
    {
        var product = await Client.CreateProductAsync();
        (await Adjust(product.Id(), 1, "restock", new string('k', 256))).AssertInvalid("Idempotency-Key");
        (await Adjust(product.Id(), 1, "restock", new string('k', 245) + Unique.Token()[..10])).AssertStatus(HttpStatusCode.OK);
    }

    private Task<ApiResponse> Adjust(long id, long delta, string reason, string? key) =>
        Client.SendAsync(HttpMethod.Post, $"/api/v1/products/{id}/stock-adjustments", JsonSerializer.Serialize(new { delta, reason }), idempotencyKey: key);
}
