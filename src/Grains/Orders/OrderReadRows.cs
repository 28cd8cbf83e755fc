using Commerce.Grains.Interfaces.Orders;
using Npgsql;

namespace Commerce.Grains.Orders;

/// <summary>
/// Projects an order into <c>orders</c> and <c>order_lines</c> (sql/011) in one batch. The row carries the state's
/// version and never replaces a newer one; lines never change once written, so a replay adds nothing.
/// </summary>
public sealed class OrderReadRows(NpgsqlDataSource database)
{
    public async Task WriteAsync(long id, OrderState state, CancellationToken cancellationToken = default)
    {
        await using var batch = database.CreateBatch();
        var row = new NpgsqlBatchCommand(
            """
            INSERT INTO orders (id, customer_id, status, total, created_at, updated_at, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
            WHERE orders.version < EXCLUDED.version
            """);
        row.Parameters.Add(new() { Value = id });
        row.Parameters.Add(new() { Value = state.CustomerId });
        row.Parameters.Add(new() { Value = state.Step is OrderStep.Cancelling or OrderStep.Cancelled ? "cancelled" : "placed" });
        row.Parameters.Add(new() { Value = state.Lines.Sum(l => l.LineTotal) });
        row.Parameters.Add(new() { Value = state.CreatedAt });
        row.Parameters.Add(new() { Value = state.UpdatedAt });
        row.Parameters.Add(new() { Value = state.Version });
        batch.BatchCommands.Add(row);

        var lines = new NpgsqlBatchCommand(
            """
            INSERT INTO order_lines (order_id, line_no, product_id, title, sku, unit_price, quantity)
            SELECT $1, l.n, l.product_id, l.title, l.sku, l.unit_price, l.quantity
            FROM unnest($2::bigint[], $3::text[], $4::text[], $5::numeric[], $6::bigint[]) WITH ORDINALITY
                 AS l(product_id, title, sku, unit_price, quantity, n)
            ON CONFLICT (order_id, line_no) DO NOTHING
            """);
        lines.Parameters.Add(new() { Value = id });
        lines.Parameters.Add(new() { Value = state.Lines.Select(l => l.ProductId).ToArray() });
        lines.Parameters.Add(new() { Value = state.Lines.Select(l => l.Title).ToArray() });
        lines.Parameters.Add(new() { Value = state.Lines.Select(l => l.Sku).ToArray() });
        lines.Parameters.Add(new() { Value = state.Lines.Select(l => l.UnitPrice).ToArray() });
        lines.Parameters.Add(new() { Value = state.Lines.Select(l => l.Quantity).ToArray() });
        batch.BatchCommands.Add(lines);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
