using System.Text.Json;
using Commerce.Grains.Carts;
using Commerce.Grains.Categories;
using Commerce.Grains.Orders;
using Commerce.Grains.Products;
using Commerce.Grains.Skus;
using Commerce.Grains.Storage;
using Npgsql;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// Reads every catalog grain state of one service from <c>OrleansStorage</c>, with the JSON options the grains store
/// them with. Integer keys are in <c>GrainIdN1</c>, the SKU grain's string key in <c>GrainIdExtensionString</c>.
/// </summary>
public static class StoredCatalogQuery
{
    private const string Sql =
        """
        SELECT graintypestring, grainidn1, grainidextensionstring, payloadjson::text
        FROM orleansstorage
        WHERE serviceid = $1 AND graintypestring = ANY($2) AND payloadjson IS NOT NULL
        """;

    public static async Task<StoredCatalog> ReadAsync(NpgsqlConnection connection, string serviceId, CancellationToken cancellationToken)
    {
        var products = new Dictionary<long, ProductState>();
        var categories = new Dictionary<long, CategoryState>();
        var claims = new Dictionary<string, long>(StringComparer.Ordinal);
        var pending = new List<PendingCategoryDelete>();
        var carts = new Dictionary<Guid, CartState>();
        var orders = new Dictionary<long, OrderState>();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new() { Value = serviceId });
        command.Parameters.Add(new()
        {
            Value = new[]
            {
                GrainStorageNames.Product, GrainStorageNames.Category, GrainStorageNames.Sku, GrainStorageNames.CategoryTree,
                GrainStorageNames.Cart, GrainStorageNames.Order,
            },
        });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(1);
            var json = reader.GetString(3);
            switch (reader.GetString(0))
            {
                case GrainStorageNames.Product when Parse<ProductState>(json) is { Version: > 0 } product:
                    products[id] = product;
                    break;
                case GrainStorageNames.Category when Parse<CategoryState>(json) is { Version: > 0 } category:
                    categories[id] = category;
                    break;
                case GrainStorageNames.Sku when Parse<SkuState>(json).ProductId is { } holder:
                    claims[reader.GetString(2)] = holder;
                    break;
                case GrainStorageNames.Cart when Parse<CartState>(json) is { Exists: true } cart:
                    carts[cart.Id] = cart;
                    break;
                case GrainStorageNames.Order when Parse<OrderState>(json) is { Step: not OrderStep.None } order:
                    orders[id] = order;
                    break;
                case GrainStorageNames.CategoryTree:
                    pending.AddRange(Parse<CategoryTreeState>(json).PendingDeletes ?? []);
                    break;
            }
        }

        return new StoredCatalog(products, categories, claims, pending) { Carts = carts, Orders = orders };
    }

    private static T Parse<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, JsonGrainStateSerializer.Options)
        ?? throw new JsonException($"Stored {typeof(T).Name} is JSON null.");
}
