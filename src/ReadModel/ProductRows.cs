using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Stock;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>Reads product rows of the read table into the contract record.</summary>
internal static class ProductRows
{
    public const string Columns =
        "id, title, description, image_url, sku, price, category_id, created_at, updated_at, version, on_hand, reserved";

    public static ProductSnapshot Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetString(4), reader.GetDecimal(5), reader.IsDBNull(6) ? null : reader.GetInt64(6),
        reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8), reader.GetInt64(9),
        new ProductStock(reader.GetInt64(10), reader.GetInt64(11)));
}
