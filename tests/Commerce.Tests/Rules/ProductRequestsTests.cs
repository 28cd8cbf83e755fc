using System.Text.Json;
using Commerce.Grains.Interfaces.Validation;
using Commerce.Tests.Api;
using Commerce.WebApi.Products;

namespace Commerce.Tests.Rules;

/// <summary>
/// Product bodies read into commands: a field of the wrong JSON type is refused naming the field and the type it got,
/// on create and on change; a change may not set a required field to null, but may clear image_url and category_id.
/// </summary>
public sealed class ProductRequestsTests
{
    private const string NotText = "must be a string, not ";
    private const string NotAnId = "must be an integer id, not ";
    private const string NotAPrice = "must be a number or a string of digits such as \"1299.99\", not ";

    [Theory]
    [InlineData("title", "42", NotText + "a number.")]
    [InlineData("title", "true", NotText + "a boolean.")]
    [InlineData("title", "{}", NotText + "an object.")]
    [InlineData("title", "[\"a\"]", NotText + "an array.")]
    [InlineData("description", "1", NotText + "a number.")]
    [InlineData("description", "false", NotText + "a boolean.")]
    [InlineData("image_url", "5", NotText + "a number.")]
    [InlineData("image_url", "false", NotText + "a boolean.")]
    [InlineData("image_url", "[]", NotText + "an array.")]
    [InlineData("sku", "123", NotText + "a number.")]
    [InlineData("sku", "[]", NotText + "an array.")]
    [InlineData("price", "true", NotAPrice + "a boolean.")]
    [InlineData("price", "{\"amount\": 1}", NotAPrice + "an object.")]
    [InlineData("category_id", "\"5\"", NotAnId + "a string.")]
    [InlineData("category_id", "1.5", NotAnId + "a number.")]
    [InlineData("category_id", "true", NotAnId + "a boolean.")]
    [InlineData("category_id", "{}", NotAnId + "an object.")]
    [InlineData("category_id", "99999999999999999999", NotAnId + "a number.")]
    public void A_wrong_json_type_is_refused_on_create_and_on_change(string field, string json, string message)
    {
        var created = new FieldErrors();
        ProductRequests.ReadDraft(Parse(ProductJson.With(field, json)), created);
        AssertOnly(created, field, message);

        var changed = new FieldErrors();
        ProductRequests.ReadPatch(Parse(ProductJson.Patch(field, json)), changed);
        AssertOnly(changed, field, message);
    }

    [Theory]
    [InlineData("1.999", "must have at most 2 decimal places.")]
    [InlineData("\"-1\"", "must be a decimal number such as 1299.99 (digits, optional fraction).")]
    [InlineData("10000000000", "must be between 0 and 9999999999.99.")]
    public void A_change_reads_its_price_by_the_same_rules_as_a_create(string json, string message)
    {
        var errors = new FieldErrors();
        var patch = ProductRequests.ReadPatch(Parse(ProductJson.Patch("price", json)), errors);

        AssertOnly(errors, "price", message);
        Assert.Null(patch.Price.Value);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("description")]
    [InlineData("sku")]
    [InlineData("price")]
    public void A_change_may_not_set_a_required_field_to_null(string field)
    {
        var errors = new FieldErrors();
        ProductRequests.ReadPatch(Parse(ProductJson.Patch(field, "null")), errors);

        AssertOnly(errors, field, "must not be null.");
    }

    [Fact]
    public void A_change_may_set_image_url_and_category_id_to_null_to_clear_them()
    {
        var errors = new FieldErrors();
        var patch = ProductRequests.ReadPatch(Parse("""{"image_url": null, "category_id": null}"""), errors);

        Assert.True(errors.IsEmpty);
        Assert.True(patch.ImageUrl.IsSet && patch.ImageUrl.Value is null);
        Assert.True(patch.CategoryId.IsSet && patch.CategoryId.Value is null);
        Assert.False(patch.Title.IsSet || patch.Description.IsSet || patch.Sku.IsSet || patch.Price.IsSet);
    }

    [Fact]
    public void A_string_with_an_unpaired_surrogate_escape_is_refused()
    {
        var errors = new FieldErrors();
        ProductRequests.ReadDraft(Parse(ProductJson.Valid().ToJsonString().Replace("\"Product ", "\"\\ud800Product ", StringComparison.Ordinal)), errors);

        AssertOnly(errors, "title", "must be valid Unicode text (it contains an unpaired surrogate).");
    }

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json);

    private static void AssertOnly(FieldErrors errors, string field, string message)
    {
        var all = errors.ToDictionary();
        Assert.Equal([field], all.Keys);
        Assert.Equal([message], all[field]);
    }
}
