namespace Commerce.Grains.Categories;

/// <summary>
/// Products that were told lately that they may link to a category. Their write may not have reached the read table
/// yet when a delete of that category looks for the products to unlink, so the delete unlinks these too. An entry
/// older than <see cref="Window"/> is dropped: a product's write lands, or fails, well within a grain call timeout.
/// </summary>
public sealed class RecentLinks(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    private readonly Queue<(DateTimeOffset At, long CategoryId, long ProductId)> links = new();

    public void Add(long categoryId, long productId)
    {
        var now = time.GetUtcNow();
        while (links.TryPeek(out var oldest) && now - oldest.At > Window)
        {
            links.Dequeue();
        }

        links.Enqueue((now, categoryId, productId));
    }

    public IEnumerable<long> ProductsLinkedTo(IReadOnlySet<long> categoryIds) =>
        links.Where(l => categoryIds.Contains(l.CategoryId)).Select(l => l.ProductId);
}
