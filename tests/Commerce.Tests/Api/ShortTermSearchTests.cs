using System.Net;
using Commerce.Grains.Interfaces.Validation;

namespace Commerce.Tests.Api;

/// <summary>
/// Terms of one and two characters (a whole word in Chinese, Japanese and Korean) match exactly as longer ones do:
/// a substring of the title or SKU, case-insensitively, never across the two. They are answered from the grams the
/// projection writes, not from trigrams, so every result is compared here with the contract's own definition.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class ShortTermSearchTests(CatalogApiFixture api)
{
    private static readonly string[] Titles =
    [
        "냉장고 대용량", "운동화 러닝", "냉동 만두", "背包 旅行", "双肩背包", "耳机 无线", "冷蔵庫", "Äpfel Ökö", "ΟΔΥΣΣΕΑΣ",
        "𠀀𠀁 rare", "Straße", "ab", "x",
    ];

    private static readonly string[] Terms =
    [
        "냉", "냉장", "장고", "운동", "동", "背包", "背", "包旅", "机", "耳机", "蔵", "ä", "Ä", "äp", "ök", "σ", "ς", "Σ", "ας",
        "𠀀", "𠀀𠀁", "𠀁", "ß", "SS", "ab", "AB", "b", "x", "xa", "-1", "t-",
    ];

    [Fact]
    public async Task One_and_two_character_terms_match_exactly_the_titles_and_skus_that_contain_them()
    {
        var category = await api.Client.CreateCategoryAsync("Short terms " + Unique.Token());
        var products = new List<(long Id, string Title, string Sku)>();
        for (var i = 0; i < Titles.Length; i++)
        {
            var sku = $"T-{i}";
            var created = await api.Client.CreateProductAsync(Titles[i], categoryId: category, sku: sku + "-" + Unique.Token().ToUpperInvariant());
            products.Add((created.Id(), Titles[i], created.Text("sku")));
        }

        foreach (var term in Terms)
        {
            var expected = products
                .Where(p => CaseFold.Fold(p.Title).Contains(CaseFold.Fold(term), StringComparison.Ordinal)
                    || CaseFold.Fold(p.Sku).Contains(CaseFold.Fold(term), StringComparison.Ordinal))
                .Select(p => p.Id).Order().ToList();
            var response = await api.Client.ApiGetAsync($"/api/v1/products/search?category_id={category}&limit=100&q={Uri.EscapeDataString(term)}");
            response.AssertStatus(HttpStatusCode.OK);
            var found = response.Json["items"]!.AsArray().Select(item => item!["id"]!.GetValue<long>()).ToList();
            Assert.True(expected.SequenceEqual(found), $"q={term}: expected [{string.Join(',', expected)}], found [{string.Join(',', found)}]");
            Assert.Equal(expected.Count, response.Json["total"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task A_short_term_follows_a_renamed_title()
    {
        var category = await api.Client.CreateCategoryAsync("Renamed short " + Unique.Token());
        var id = (await api.Client.CreateProductAsync("냉장고", categoryId: category)).Id();
        (await api.Client.ApiPatchAsync($"/api/v1/products/{id}", new { title = "背包" })).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(0, (await api.Client.ApiGetAsync($"/api/v1/products/search?category_id={category}&q={Uri.EscapeDataString("냉")}")).Json["total"]!.GetValue<long>());
        Assert.Equal(1, (await api.Client.ApiGetAsync($"/api/v1/products/search?category_id={category}&q={Uri.EscapeDataString("背包")}")).Json["total"]!.GetValue<long>());
    }
}
