using Commerce.Grains.Errors;
using Commerce.Grains.Products;
using Commerce.Grains.Storage;
using Commerce.Runtime.Identity;
using Commerce.Runtime.Storage;
using Commerce.Tests.Api;
using Commerce.Tests.Infrastructure;
using Npgsql;

namespace Commerce.Tests.Storage;

/// <summary>The product storage against real PostgreSQL: versioned writes and the constraints behind 409 and 404.</summary>
public sealed class ProductStorageTests : IAsyncLifetime
{
    private NpgsqlDataSource _database = null!;

    public async Task InitializeAsync() =>
        _database = NpgsqlDataSource.Create(await TestDatabase.GetMigratedConnectionStringAsync(typeof(ProductGrain).Assembly));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_write_with_a_stale_version_throws_and_leaves_the_stored_row_alone()
    {
        var storage = new ProductStorage(_database);
        var id = new GrainId("product", Random.Shared.NextInt64(1L << 40, 1L << 50));
        var original = State(Unique.Sku());

        Assert.Equal(1, await storage.WriteAsync(id, original, expectedVersion: 0, CancellationToken.None));
        Assert.Equal(2, await storage.WriteAsync(id, original with { Title = "Second" }, expectedVersion: 1, CancellationToken.None));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteAsync(id, original with { Title = "Stale" }, expectedVersion: 1, CancellationToken.None));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteAsync(id, original with { Title = "Again" }, expectedVersion: 0, CancellationToken.None));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(id, expectedVersion: 1, CancellationToken.None));

        var stored = await storage.ReadAsync(id, CancellationToken.None);
        Assert.Equal("Second", stored!.State.Title);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Constraint_violations_become_catalog_exceptions()
    {
        var storage = new ProductStorage(_database);
        var sku = Unique.Sku();
        await storage.WriteAsync(new GrainId("product", Random.Shared.NextInt64(1L << 40, 1L << 50)), State(sku), 0, CancellationToken.None);

        await Assert.ThrowsAsync<DuplicateSkuException>(() =>
            storage.WriteAsync(new GrainId("product", Random.Shared.NextInt64(1L << 40, 1L << 50)), State(sku), 0, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<CategoryNotFoundException>(() =>
            storage.WriteAsync(new GrainId("product", Random.Shared.NextInt64(1L << 40, 1L << 50)), State(Unique.Sku()) with { CategoryId = long.MaxValue }, 0, CancellationToken.None));
        Assert.Equal("category_id", missing.Field);
    }

    private static ProductState State(string sku)
    {
        var now = DateTimeOffset.UtcNow;
        return new ProductState("Title", "Description", null, sku, 12.50m, null, now, now);
    }
}
