using Commerce.Grains.Products;

namespace Commerce.Tools.CatalogAudit;

/// <summary>A row of the <c>products</c> read table: as stored, or as a product state projects to it.</summary>
public sealed record ProductRow(
    long Id, string Title, string Description, string? ImageUrl, string Sku, decimal Price, long? CategoryId,
    string SearchText, IReadOnlyList<string> SearchGrams, IReadOnlyList<long> CategoryPath,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version, long OnHand, long Reserved)
{
    /// <summary>
    /// The row the grain writes for <paramref name="state"/> (src/Grains/Products/ProductReadRow.cs), whose category
    /// is at <paramref name="categoryPath"/> (empty without a category, or when the category is not in the tree).
    /// </summary>
    public static ProductRow Of(long id, ProductState state, IReadOnlyList<long> categoryPath) => new(
        id, state.Title, state.Description, state.ImageUrl, state.Sku, state.Price, state.CategoryId,
        Commerce.ReadModel.SearchText.For(state.Title, state.Sku), Commerce.ReadModel.SearchGrams.For(state.Title, state.Sku),
        categoryPath, state.CreatedAt, state.UpdatedAt, state.Version, state.Stock.OnHand, state.Stock.Reserved);

    /// <summary>Each field where <paramref name="stored"/> differs from this expected row, as "field row=… state=…".</summary>
    public IReadOnlyList<string> DifferencesFrom(ProductRow stored) => new FieldDifferences()
        .Add("title", stored.Title, Title)
        .Add("description", stored.Description, Description)
        .Add("image_url", stored.ImageUrl, ImageUrl)
        .Add("sku", stored.Sku, Sku)
        .Add("price", stored.Price, Price)
        .Add("category_id", stored.CategoryId, CategoryId)
        .Add("search_text", stored.SearchText, SearchText)
        .AddSet("search_grams", stored.SearchGrams, SearchGrams)
        .Add("category_path", stored.CategoryPath, CategoryPath)
        .Add("created_at", stored.CreatedAt, CreatedAt)
        .Add("updated_at", stored.UpdatedAt, UpdatedAt)
        .Add("version", stored.Version, Version)
        .Add("on_hand", stored.OnHand, OnHand)
        .Add("reserved", stored.Reserved, Reserved)
        .ToList();
}
