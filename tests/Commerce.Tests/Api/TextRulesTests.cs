using System.Net;
using System.Text.Json;

namespace Commerce.Tests.Api;

/// <summary>
/// Text is trimmed and NFC-normalised, then validated; any script is text; control characters are refused
/// (descriptions may hold line breaks and tabs); lengths are code points after normalisation.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class TextRulesTests(CatalogApiFixture api)
{
    private const string Emoji = "\U0001F600";

    private HttpClient Client => api.Client;

    // Scripts, normalisation, lengths and control characters row by row are unit tests (Rules/CatalogTextTests,
    // ProductRulesTests, CategoryRequestsTests); these show each field applying them end to end.
    [Theory]
    [InlineData("  Смартфон Galaxy  ", "Смартфон Galaxy")]
    [InlineData("\u00a0\u3000Cafe\u0301 \u6771\u4eac\u3000", "Caf\u00e9 \u6771\u4eac")]
    public async Task Text_in_any_script_is_stored_trimmed_and_nfc_normalised(string sent, string stored)
    {
        var product = await PostProductAsync("title", sent);
        product.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(stored, product.Json.Text("title"));
        Assert.Equal(stored, (await Client.ApiGetAsync(product.Location!)).Json.Text("title"));
        Assert.Equal(stored, (await PostProductAsync("description", sent)).Json.Text("description"));

        // Under a fresh parent, so the name is unique among its siblings.
        var parent = await Client.CreateCategoryAsync("Scripts " + Unique.Token());
        var category = await Client.ApiPostAsync("/api/v1/categories", new { name = sent, parent_id = parent });
        category.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(stored, category.Json.Text("name"));
        Assert.Equal(stored, (await Client.ApiGetAsync(category.Location!)).Json.Text("name"));
    }

    [Fact]
    public async Task A_title_may_have_255_code_points_but_not_256()
    {
        await AssertLengthLimitAsync("title", new string('x', 255), "x");
        await AssertLengthLimitAsync("title", string.Concat(Enumerable.Repeat(Emoji, 255)), Emoji);
    }

    [Fact]
    public async Task A_description_may_have_10000_code_points_but_not_10001()
    {
        await AssertLengthLimitAsync("description", new string('d', 10_000), "d");
        await AssertLengthLimitAsync("description", string.Concat(Enumerable.Repeat(Emoji, 10_000)), Emoji);
    }

    [Fact]
    public async Task A_category_name_may_have_255_code_points_but_not_256()
    {
        var name = string.Concat(Enumerable.Repeat(Emoji, 243)) + Unique.Token();
        (await Client.ApiPostAsync("/api/v1/categories", new { name })).AssertStatus(HttpStatusCode.Created);
        (await Client.ApiPostAsync("/api/v1/categories", new { name = name + "x" })).AssertInvalid("name");
    }

    [Fact]
    public async Task A_description_keeps_its_inner_line_breaks_and_tabs()
    {
        const string Text = "Line one\nLine two\r\n\tIndented\t\tcolumns";
        var response = await PostProductAsync("description", "\n " + Text + "\t\n");
        response.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(Text, response.Json.Text("description"));
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("\u0000")]
    public async Task Titles_names_and_skus_refuse_control_characters_inside(string control)
    {
        var text = "Before" + control + "after " + Unique.Token();
        (await PostProductAsync("title", text)).AssertInvalid("title");
        (await PostProductAsync("sku", "AB" + control + Unique.Token())).AssertInvalid("sku");
        (await Client.ApiPostAsync("/api/v1/categories", new { name = text })).AssertInvalid("name");

        var product = await Client.CreateProductAsync();
        (await Client.ApiPatchAsync($"/api/v1/products/{product.Id()}", new { title = text })).AssertInvalid("title");
    }

    [Fact]
    public async Task Descriptions_refuse_control_characters_other_than_line_breaks_and_tabs()
    {
        (await PostProductAsync("description", "Before\u0008after")).AssertInvalid("description");
    }

    [Fact]
    public async Task Text_with_an_unpaired_surrogate_is_422()
    {
        var body = ProductJson.Valid().ToJsonString().Replace("\"Product ", "\"\\ud800Product ", StringComparison.Ordinal);
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", body)).AssertInvalid("title");
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/categories", """{"name": "Lone \udc00 surrogate"}""")).AssertInvalid("name");
    }

    private Task<ApiResponse> PostProductAsync(string field, string value) =>
        Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With(field, JsonSerializer.Serialize(value)));

    private async Task AssertLengthLimitAsync(string field, string longest, string oneMore)
    {
        var accepted = await PostProductAsync(field, longest);
        accepted.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(longest, accepted.Json.Text(field));
        (await PostProductAsync(field, longest + oneMore)).AssertInvalid(field);
    }
}
