// The conventional baseline for `bench/run.sh orders` (issue #11 item 5): no grains, no cache, one PostgreSQL
// transaction per request on its own tables (baseline_stock, baseline_orders, baseline_order_lines; created and
// seeded from products.on_hand by bench/orders-baseline.sh). Same paths and bodies as the service, so the same
// bench/wrk/orders.lua drives it. Not part of Commerce.sln or the tests; bench/orders-baseline.sh builds and starts it.
//   POST /api/v1/orders                              {"customer_id":"c-1","items":[{"product_id":1,"quantity":2}]}
//       for each line (in product-id order, so two orders never wait on each other in a cycle):
//       UPDATE baseline_stock SET on_hand = on_hand - q WHERE id = p AND on_hand >= q
//       any line short -> ROLLBACK, 409; else INSERT the order and its lines, COMMIT, 201.
//   POST /api/v1/products/{id}/stock-adjustments     {"delta":50,"reason":"restock"} -> 200, 404, 409 (on_hand < 0)
// Validation is deliberately minimal (this is a floor to compare with, not a second implementation of the API).
using System.Text.Json.Serialization;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJson.Default));
var connection = builder.Configuration.GetConnectionString("Catalog")
    ?? throw new InvalidOperationException("ConnectionStrings__Catalog is not set");
await using var dataSource = NpgsqlDataSource.Create(connection);
var app = builder.Build();

app.MapGet("/health/ready", () => Results.Ok());

app.MapPost("/api/v1/orders", async (OrderRequest request, CancellationToken ct) =>
{
    if (request.Items is not { Count: >= 1 and <= 100 } || string.IsNullOrEmpty(request.CustomerId)
        || request.Items.Any(i => i.Quantity is < 1 or > 1000)
        || request.Items.Select(i => i.ProductId).Distinct().Count() != request.Items.Count)
    {
        return Results.Problem(statusCode: 422, title: "invalid order");
    }
    var lines = request.Items.OrderBy(i => i.ProductId).ToList();
    await using var conn = await dataSource.OpenConnectionAsync(ct);
    await using var tx = await conn.BeginTransactionAsync(ct);
    foreach (var line in lines)
    {
        await using var take = new NpgsqlCommand(
            "UPDATE baseline_stock SET on_hand = on_hand - $1 WHERE id = $2 AND on_hand >= $1", conn, tx);
        take.Parameters.Add(new NpgsqlParameter<long> { TypedValue = line.Quantity });
        take.Parameters.Add(new NpgsqlParameter<long> { TypedValue = line.ProductId });
        if (await take.ExecuteNonQueryAsync(ct) != 1)
        {
            await tx.RollbackAsync(ct);
            return Results.Problem(statusCode: 409, title: "insufficient stock",
                detail: $"product {line.ProductId} has fewer than {line.Quantity} units");
        }
    }
    await using var insert = new NpgsqlCommand(
        """
        WITH o AS (INSERT INTO baseline_orders (customer_id, created_at) VALUES ($1, now()) RETURNING id)
        INSERT INTO baseline_order_lines (order_id, line_no, product_id, quantity)
        SELECT o.id, l.n, l.p, l.q FROM o, unnest($2::bigint[], $3::bigint[]) WITH ORDINALITY AS l(p, q, n)
        RETURNING order_id
        """, conn, tx);
    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.CustomerId });
    insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = lines.Select(l => l.ProductId).ToArray() });
    insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = lines.Select(l => l.Quantity).ToArray() });
    var orderId = (long)(await insert.ExecuteScalarAsync(ct))!;
    await tx.CommitAsync(ct);
    return Results.Created($"/api/v1/orders/{orderId}", new OrderCreated(orderId, request.CustomerId, "placed"));
});

app.MapPost("/api/v1/products/{id:long}/stock-adjustments", async (long id, StockAdjustment adjustment, CancellationToken ct) =>
{
    if (adjustment.Delta == 0) return Results.Problem(statusCode: 422, title: "delta must not be zero");
    await using var conn = await dataSource.OpenConnectionAsync(ct);
    await using var cmd = new NpgsqlCommand(
        "UPDATE baseline_stock SET on_hand = on_hand + $1 WHERE id = $2 AND on_hand + $1 >= 0 RETURNING on_hand", conn);
    cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = adjustment.Delta });
    cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
    var onHand = await cmd.ExecuteScalarAsync(ct);
    if (onHand is long value) return Results.Ok(new StockView(value, 0, value));
    return Results.Problem(statusCode: 409, title: "unknown product or not enough stock");
});

app.Run();

internal sealed record OrderLine([property: JsonPropertyName("product_id")] long ProductId, long Quantity);
internal sealed record OrderRequest([property: JsonPropertyName("customer_id")] string CustomerId, List<OrderLine> Items);
internal sealed record OrderCreated(long Id, [property: JsonPropertyName("customer_id")] string CustomerId, string Status);
internal sealed record StockAdjustment(long Delta, string? Reason);
internal sealed record StockView(
    [property: JsonPropertyName("on_hand")] long OnHand, long Reserved, long Available);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(OrderRequest))]
[JsonSerializable(typeof(OrderCreated))]
[JsonSerializable(typeof(StockAdjustment))]
[JsonSerializable(typeof(StockView))]
internal sealed partial class BaselineJson : JsonSerializerContext;
