using System.Collections.Concurrent;
using Npgsql;

namespace Commerce.Grains.Storage;

/// <summary>
/// Hands out ids for new products and categories from PostgreSQL sequences, a block per round trip, so ids
/// are unique across every process. Ids are increasing per process, not gap-free.
/// </summary>
public sealed class IdAllocator(NpgsqlDataSource database) : IDisposable
{
    private const int BlockSize = 32;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<long>> _blocks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refill = new(1, 1);

    public Task<long> NextProductIdAsync(CancellationToken cancellationToken) => NextAsync("product_ids", cancellationToken);

    public Task<long> NextCategoryIdAsync(CancellationToken cancellationToken) => NextAsync("category_ids", cancellationToken);

    public void Dispose() => _refill.Dispose();

    private async Task<long> NextAsync(string sequence, CancellationToken cancellationToken)
    {
        var block = _blocks.GetOrAdd(sequence, _ => new ConcurrentQueue<long>());
        while (true)
        {
            if (block.TryDequeue(out var id))
            {
                return id;
            }

            await _refill.WaitAsync(cancellationToken);
            try
            {
                if (block.IsEmpty)
                {
                    await using var command = database.CreateCommand(
                        $"SELECT nextval('{sequence}') FROM generate_series(1, {BlockSize}) ORDER BY 1");
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        block.Enqueue(reader.GetInt64(0));
                    }
                }
            }
            finally
            {
                _refill.Release();
            }
        }
    }
}
