using System.Collections.Concurrent;
using System.Diagnostics;
using Spectre.Console;

namespace Commerce.Bench.DataGen;

/// <summary>How long each phase of a load took.</summary>
internal sealed record LoadTimings(TimeSpan Categories, TimeSpan Products, TimeSpan Total);

/// <summary>The ids the service gave the generated categories (by their number) and products (a range).</summary>
internal sealed record LoadedIds(IReadOnlyDictionary<long, long> Categories, long FirstProduct, long LastProduct);

/// <summary>
/// Loads a generated catalog through the REST API, so every category and product is made by its grain as any
/// client's would be: grain state, SKU grain and read rows included, and every rule checked by the service. The
/// deep chain is created one by one (its ids stay a range); the other categories a level at a time, each level in
/// parallel once its parents exist; then the products, <see cref="GeneratorOptions.Parallel"/> at a time.
/// </summary>
internal sealed class CatalogApiLoader(GeneratorOptions options, CatalogApi api)
{
    public async Task<(LoadedIds Ids, LoadTimings Timings)> LoadAsync(
        CategoryTreeGenerator tree, ProductGenerator products, ProgressContext progress, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        if (!await api.IsEmptyAsync(ct))
        {
            throw new LoadFailedException("The catalog already holds categories or products; load into a fresh database (bench/setup.sh makes one).");
        }

        var categoryTask = progress.AddTask("categories", maxValue: tree.Rows.Count);
        var categoryIds = new ConcurrentDictionary<long, long>();
        async ValueTask CreateCategory(CategoryRow row, CancellationToken token)
        {
            categoryIds[row.Id] = await api.CreateCategoryAsync(row.Name, row.ParentId is { } parent ? categoryIds[parent] : null, token);
            categoryTask.Increment(1);
        }

        var chain = tree.Rows.Where(r => r.Id <= tree.DeepChain.Last).ToList();
        foreach (var row in chain)
        {
            await CreateCategory(row, ct);
        }

        foreach (var level in tree.Rows.Where(r => r.Id > tree.DeepChain.Last).GroupBy(r => r.Level).OrderBy(g => g.Key))
        {
            await Parallel.ForEachAsync(level, Parallelism(ct), CreateCategory);
        }

        if (categoryIds[tree.DeepChain.Last] - categoryIds[tree.DeepChain.First] != tree.DeepChain.Last - tree.DeepChain.First)
        {
            throw new LoadFailedException("The deep chain's ids are not a range: something else created categories during the load.");
        }

        var categoryTime = total.Elapsed;
        var productTask = progress.AddTask("products", maxValue: Math.Max(1, options.Products));
        var productIds = new long[options.Products];
        // Parallel.ForEachAsync takes items from the sequence one at a time, so the generator runs in order and a
        // seed always makes the same products.
        var drafts = Enumerable.Range(1, options.Products).Select(n => (Number: n, Draft: products.Next(n)));
        await Parallel.ForEachAsync(drafts, Parallelism(ct), async (product, token) =>
        {
            var draft = product.Draft with { CategoryId = product.Draft.CategoryId is { } category ? categoryIds[category] : null };
            productIds[product.Number - 1] = await api.CreateProductAsync(draft, token);
            productTask.Increment(1);
        });

        var ids = new LoadedIds(categoryIds, productIds.DefaultIfEmpty().Min(), productIds.DefaultIfEmpty().Max());
        return (ids, new LoadTimings(categoryTime, total.Elapsed - categoryTime, total.Elapsed));
    }

    private ParallelOptions Parallelism(CancellationToken ct) => new() { MaxDegreeOfParallelism = options.Parallel, CancellationToken = ct };
}
