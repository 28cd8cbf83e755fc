using System.Globalization;
using System.Text.Json;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Orders;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>
/// A customer's orders, newest first, whole (lines embedded): the page is one statement — its lines are gathered by
/// a subquery per row inside it, not by a query per order — plus a count unless the page is the last (PagedQuery).
/// So a page costs at most two commands whatever its size.
/// </summary>
public sealed class OrderHistoryQuery(NpgsqlDataSource database)
{
    public Task<Page<OrderView>> ExecuteAsync(string customerId, int limit, long offset, CancellationToken cancellationToken) =>
        PagedQuery.ExecuteAsync(
            database,
            "SELECT count(*) FROM orders WHERE customer_id = $1",
            $"""
            SELECT o.id, o.customer_id, o.status, o.created_at, o.updated_at, o.version,
                   (SELECT json_agg(json_build_array(l.product_id, l.title, l.sku, l.unit_price::text, l.quantity) ORDER BY l.line_no)
                    FROM order_lines l WHERE l.order_id = o.id)
            FROM orders o
            WHERE o.customer_id = $1
            ORDER BY o.created_at DESC, o.id DESC
            LIMIT {limit} OFFSET {offset}
            """,
            [customerId],
            limit,
            offset,
            Read,
            cancellationToken);

    private static OrderView Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2) == "cancelled" ? OrderStatus.Cancelled : OrderStatus.Placed,
        reader.IsDBNull(6) ? [] : Lines(reader.GetString(6)),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.GetInt64(5));

    private static List<OrderLine> Lines(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(line => new OrderLine(
            line[0].GetInt64(), line[1].GetString()!, line[2].GetString()!,
            decimal.Parse(line[3].GetString()!, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), line[4].GetInt64()))];
    }
}
