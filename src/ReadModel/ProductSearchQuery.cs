using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Validation;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>
/// Searches the products read table; the total is exact whatever the offset (see <see cref="PagedQuery"/>).
/// Every filter has an index: text by trigrams on a narrow copy of the rows (<see cref="ProductTexts"/>), or by the 1-
/// and 2-character grams when shorter than a trigram;
/// price by its b-tree, unless the range is broad and another index finds the candidates (<see cref="PriceFilter"/>);
/// a category subtree by the path of the product's category. Only the filters that are set
/// become SQL, so the planner sees each combination as it is rather than behind "$1 IS NULL OR ..." guards. A total
/// that the maintained counts hold (no filter; a category, with or without stock; a one- or two-character term alone
/// or within a root's tree; a price range alone) is read from them (<see cref="MaintainedTotals"/>), before the page
/// when it picks the page's plan (<see cref="KnownTotalPage"/>), or for a term alone, where its page starts
/// (<see cref="GramRangePage"/>);
/// searches whose matches an index hands over (text, category) get page and total in one pass where that is cheaper
/// (<see cref="OnePassPage"/>), a root category with a price range or a term from the indexes that lead with the root (<see cref="RootSubtree"/>);
/// the rest read the page, then count unless the page proves the total, or with a kept total, page and total in one
/// batch (<see cref="PagedQuery"/>).
/// </summary>
public sealed class ProductSearchQuery(NpgsqlDataSource database, SearchTurns turns, PriceBands priceBands)
{
    public async Task<Page<ProductSnapshot>> ExecuteAsync(ProductSearchCriteria criteria, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = new List<object>();
        string Parameter(object value)
        {
            parameters.Add(value);
            return "$" + parameters.Count;
        }

        string Filter(string sqlWithPlaceholder, object value)
        {
            var placeholder = Parameter(value);
            conditions.Add(sqlWithPlaceholder.Replace("{}", placeholder, StringComparison.Ordinal));
            return placeholder;
        }

        string? gramPlaceholder = null;
        string? wordPlaceholder = null;
        if (!string.IsNullOrEmpty(criteria.Text))
        {
            // Trigrams cannot index a term of one or two characters; the projection's grams hold every such substring.
            var term = CaseFold.Fold(criteria.Text);
            if (SearchGrams.Covers(term))
            {
                gramPlaceholder = Filter("search_grams @> ARRAY[{}::text]", term);
            }
            else
            {
                // Tested as it is on a category's products; found by the trigram index of the word's copy otherwise.
                wordPlaceholder = Filter(ProductTexts.Condition("{}"), LikePattern.Contains(criteria.Text));
            }
        }

        // The price conditions join the others once the band counts tell how broad the range is (PriceFilter).
        var prices = new PriceBounds(
            criteria.MinPrice is { } min ? Parameter(min) : null,
            criteria.MaxPrice is { } max ? Parameter(max) : null);
        if (MaintainedTotals.CountsPriceRange(criteria))
        {
            var (minCut, maxCut) = await priceBands.CutsAsync(criteria.MinPrice, criteria.MaxPrice, cancellationToken);
            prices = prices with
            {
                MinCut = minCut is { } lower ? Parameter(lower) : null,
                MaxCut = maxCut is { } upper ? Parameter(upper) : null,
            };
        }

        string? categoryPlaceholder = null;
        var categoryCondition = conditions.Count;
        if (criteria.CategoryId is { } category)
        {
            categoryPlaceholder = Filter("category_path @> ARRAY[{}::bigint]", category);
        }

        int? stockCondition = null;
        if (criteria.InStock is { } inStock)
        {
            stockCondition = conditions.Count;
            // available is a stored generated column (on_hand - reserved), sql/010.
            conditions.Add(inStock ? "available > 0" : "available = 0");
        }

        var maintainedTotal = MaintainedTotals.Sql(criteria, categoryPlaceholder, gramPlaceholder, prices);

        // A word's matches come from its copy, which holds price and root too, with stock asked of each match's
        // products row; a category's path is only in products, where the word is tested on the category's rows.
        List<string>? textsConditions = null;
        string? textsMatches = null;
        if (wordPlaceholder is not null)
        {
            textsConditions = [.. conditions];
            if (stockCondition is { } stock)
            {
                textsConditions[stock] = ProductTexts.Stock(conditions[stock]);
            }

            if (categoryPlaceholder is null)
            {
                // Nothing indexes the copy's price, so the range is tested on the word's matches however broad it is.
                textsMatches = ProductTexts.Matches(Where([.. textsConditions, .. PriceFilter.Conditions(prices, byIndex: true)]));
            }
        }

        var priceBesideAnotherIndex = (prices.Min ?? prices.Max) is not null && textsMatches is null
            && (!string.IsNullOrEmpty(criteria.Text) || categoryPlaceholder is not null);
        var priceByIndex = !priceBesideAnotherIndex || !await PriceFilter.IsBroadAsync(priceBands, criteria.MinPrice, criteria.MaxPrice, cancellationToken);

        // One turn and one connection for all of a search's statements: giving either back between them would queue
        // the search again behind every search that arrived meanwhile.
        using var turn = await turns.WaitAsync(cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var priceConditions = conditions.Count;
        conditions.AddRange(PriceFilter.Conditions(prices, priceByIndex));
        var where = Where(conditions);
        string? rootWhere = null;
        string? rootMatches = null;
        if (RootSubtree.Applies(criteria))
        {
            // Without text, the root's price range is one range of the (category_root, price) b-tree however broad it
            // is; beside text, the price is tested as the path branch tests it.
            var rootConditions = (textsConditions ?? conditions.Take(priceConditions)).ToList();
            rootConditions[categoryCondition] = RootSubtree.Condition(categoryPlaceholder!);
            rootConditions.AddRange(PriceFilter.Conditions(prices, byIndex: priceByIndex || string.IsNullOrEmpty(criteria.Text)));
            rootWhere = Where(rootConditions);
            rootMatches = RootSubtree.Matches(textsConditions is null ? "products" : "product_texts", rootWhere, where, categoryPlaceholder!);
        }

        if (maintainedTotal is not null && gramPlaceholder is not null && categoryPlaceholder is null)
        {
            // A kept total for a term with no category is the term alone: its counts per id range place the page. Rows
            // the counts promised and the page did not find are counted instead.
            return await GramRangePage.ExecuteAsync(connection, gramPlaceholder, where, parameters, criteria.Limit, criteria.Offset, cancellationToken)
                ?? await OnePassPage.ExecuteAsync(connection, OnePassPage.Matches(where), parameters, criteria.Limit, criteria.Offset, cancellationToken);
        }

        if (maintainedTotal is not null && categoryPlaceholder is not null)
        {
            // A category that is a root may walk its own tree. A short term within a category is kept per root only,
            // so it walks nothing else. The tree's walk asks the category's row again in its own snapshot, so a
            // category that stopped being a root since the total was read walks nothing.
            var root = RootSubtree.Walk(criteria.CategoryId!.Value, conditions, categoryCondition, categoryPlaceholder, gramPlaceholder);
            var page = await KnownTotalPage.ExecuteAsync(
                connection, maintainedTotal, where, root, rootMatches ?? OnePassPage.Matches(where), parameters, criteria.Limit, criteria.Offset,
                cancellationToken);
            if (page is not null)
            {
                return page;
            }
        }

        if (rootMatches is not null)
        {
            return await OnePassPage.ExecuteAsync(connection, rootMatches, parameters, criteria.Limit, criteria.Offset, cancellationToken);
        }

        if (maintainedTotal is null && (OnePassPage.Wins(criteria)
            || await TermTooSparseToWalkAsync(connection, criteria, gramPlaceholder, parameters, cancellationToken)))
        {
            return await OnePassPage.ExecuteAsync(
                connection, textsMatches ?? OnePassPage.Matches(where), parameters, criteria.Limit, criteria.Offset, cancellationToken);
        }

        var pageSql = $"SELECT {ProductRows.Columns} FROM products{where} ORDER BY id LIMIT {criteria.Limit} OFFSET {criteria.Offset}";
        return maintainedTotal is null
            ? await PagedQuery.ExecuteAsync(
                connection, "SELECT count(*) FROM products" + where, pageSql, parameters, criteria.Limit, criteria.Offset, ProductRows.Read, cancellationToken)
            : await PagedQuery.ExecuteWithKeptTotalAsync(
                connection, maintainedTotal, pageSql, parameters, criteria.Limit, criteria.Offset, ProductRows.Read, cancellationToken);
    }

    private static string Where(List<string> conditions) =>
        conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);

    /// <summary>
    /// A one-character term with a price or stock filter on an early page is walked (<see cref="OnePassPage.Wins"/>)
    /// because most such terms are common letters; but a Chinese or Korean character can be rare, and then the walk
    /// reads thousands of rows per page row. The term's kept total tells which: if even the term alone is too sparse
    /// for a walk (<see cref="KnownTotalPage.WalkIsCheaper"/>), the filtered search is sparser still.
    /// </summary>
    private static async Task<bool> TermTooSparseToWalkAsync(
        NpgsqlConnection connection, ProductSearchCriteria criteria, string? gramPlaceholder, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        if (gramPlaceholder is null || criteria.CategoryId is not null)
        {
            return false;
        }

        var termAlone = criteria with { MinPrice = null, MaxPrice = null, InStock = null };
        var termTotal = MaintainedTotals.Sql(termAlone, null, gramPlaceholder, new PriceBounds(null, null))!;
        var (total, catalog, _) = await KnownTotalPage.TotalsAsync(connection, termTotal, null, parameters, cancellationToken);
        return total is not > 0 || !KnownTotalPage.WalkIsCheaper(total.Value, catalog, criteria.Limit, criteria.Offset);
    }
}
