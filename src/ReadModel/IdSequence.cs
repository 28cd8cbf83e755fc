using Npgsql;

namespace Commerce.ReadModel;

/// <summary>
/// Hands out ids for new products and categories from PostgreSQL sequences, so ids are unique across every
/// process. One id per round trip: a cached block would be lost at every restart and show as a jump of up to its
/// size in the ids clients see. Ids still have gaps where a create was refused after its id was drawn
/// (a sequence never gives a number back), which docs/API.md explains.
/// </summary>
public sealed class IdSequence(NpgsqlDataSource database)
{
    public Task<long> NextProductIdAsync(CancellationToken cancellationToken) => NextAsync("SELECT nextval('product_ids')", cancellationToken);

    public Task<long> NextCategoryIdAsync(CancellationToken cancellationToken) => NextAsync("SELECT nextval('category_ids')", cancellationToken);

    public Task<long> NextOrderIdAsync(CancellationToken cancellationToken) => NextAsync("SELECT nextval('order_ids')", cancellationToken);

    private async Task<long> NextAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
