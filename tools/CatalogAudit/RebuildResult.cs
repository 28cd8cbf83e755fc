namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// What a rebuild changed in the read tables (and in the search totals kept beside them: key stripes of
/// <c>product_counts</c>, <c>gram_counts</c>, <c>root_gram_counts</c>, <c>price_counts</c> and <c>reserved_units</c>
/// rewritten; rows of the word searches' copy, <c>product_texts</c>, rewritten or deleted), and the categories it could give
/// no row (no path).
/// </summary>
public sealed record RebuildResult(
    int ProductsWritten, int ProductsDeleted, int CategoriesWritten, int CategoriesDeleted, IReadOnlyList<long> CategoriesOutsideTree,
    int CountsRewritten, int TextsRewritten)
{
    public override string ToString() =>
        $"products: {ProductsWritten} written, {ProductsDeleted} deleted; categories: {CategoriesWritten} written, {CategoriesDeleted} deleted; " +
        $"product counts: {CountsRewritten} rewritten; text copies: {TextsRewritten} rewritten" +
        (CategoriesOutsideTree.Count == 0 ? "" : $"; left out (missing parent or cycle): {string.Join(", ", CategoriesOutsideTree)}");
}
