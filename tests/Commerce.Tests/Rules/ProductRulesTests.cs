using System.Text.Json;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Validation;
using Commerce.Grains.Products;
using Commerce.Tests.Api;
using Commerce.WebApi.Products;

namespace Commerce.Tests.Rules;

/// <summary>
/// The field rules a product grain applies to what the API read from a body: required fields, blank text,
/// lengths in code points (title 255, description 10 000), errors keyed by the API's field names.
/// </summary>
public sealed class ProductRulesTests
{
    private const string Emoji = "\U0001F600";

    [Theory]
    [InlineData("title")]
    [InlineData("description")]
    [InlineData("sku")]
    [InlineData("price")]
    public void A_missing_required_field_is_required(string field)
    {
        AssertRefused(ProductJson.Without(field), field, "is required.");
    }

    [Theory]
    [InlineData("title", "null", "is required.")]
    [InlineData("description", "null", "is required.")]
    [InlineData("sku", "null", "is required.")]
    [InlineData("price", "null", "is required.")]
    [InlineData("title", "\"\"", "must not be blank.")]
    [InlineData("title", "\"   \"", "must not be blank.")]
    [InlineData("title", "\"\\u3000\\u00a0\"", "must not be blank.")]
    [InlineData("description", "\"\"", "must not be blank.")]
    [InlineData("description", "\" \\n\\t\\r\\n \"", "must not be blank.")]
    [InlineData("sku", "\"\"", "must not be blank.")]
    public void A_null_or_blank_required_field_is_refused(string field, string json, string message)
    {
        AssertRefused(ProductJson.With(field, json), field, message);
    }

    [Theory]
    [InlineData("title", 255, "x")]
    [InlineData("title", 255, Emoji)]
    [InlineData("description", 10_000, "d")]
    [InlineData("description", 10_000, Emoji)]
    public void Title_and_description_have_a_length_limit_in_code_points(string field, int limit, string unit)
    {
        var longest = string.Concat(Enumerable.Repeat(unit, limit));

        var accepted = Create(ProductJson.With(field, JsonSerializer.Serialize(longest)));
        Assert.Empty(accepted.Errors);
        Assert.Equal(longest, field == "title" ? accepted.State!.Title : accepted.State!.Description);
        AssertRefused(ProductJson.With(field, JsonSerializer.Serialize(longest + unit)), field, $"must be at most {limit} characters long.");
    }

    [Fact]
    public void A_title_is_measured_after_normalisation()
    {
        var composed = Create(ProductJson.With("title", JsonSerializer.Serialize(string.Concat(Enumerable.Repeat("e\u0301", 255)))));

        Assert.Empty(composed.Errors);
        Assert.Equal(new string('\u00e9', 255), composed.State!.Title);
    }

    [Fact]
    public void A_description_keeps_line_breaks_and_tabs_that_a_title_refuses()
    {
        const string Text = "Line one\nLine two\r\n\tIndented";

        Assert.Equal(Text, Create(ProductJson.With("description", JsonSerializer.Serialize(Text))).State!.Description);
        AssertRefused(ProductJson.With("title", JsonSerializer.Serialize(Text)), "title",
            "must not contain control characters (tabs and line breaks included).");
    }

    [Fact]
    public void A_valid_body_becomes_the_normalised_state_of_a_new_product()
    {
        var state = Create("""{"title": " Cafe\u0301 ", "description": "d", "sku": " ab-1 ", "price": "12.50", "category_id": 7}""").State!;

        Assert.Equal("Caf\u00e9", state.Title);
        Assert.Equal("d", state.Description);
        Assert.Null(state.ImageUrl);
        Assert.Equal("AB-1", state.Sku);
        Assert.Equal(12.50m, state.Price);
        Assert.Equal(7, state.CategoryId);
        Assert.Equal(1, state.Version);
    }

    [Fact]
    public void A_change_applies_the_rules_to_given_fields_only_and_null_clears_image_url_and_category_id()
    {
        var current = new ProductState { Title = "Old", Description = "d", ImageUrl = "https://example.com/a.png", Sku = "A", Price = 2m, CategoryId = 3, Version = 4 };

        var errors = new FieldErrors();
        var changed = ProductRules.TryApply(current, new ProductPatch(Title: Optional<string?>.Of("  New "), ImageUrl: Optional<string?>.Of(null),
            CategoryId: Optional<long?>.Of(null)), errors);
        Assert.True(errors.IsEmpty);
        Assert.Equal(current with { Title = "New", ImageUrl = null, CategoryId = null }, changed);

        var refused = new FieldErrors();
        Assert.Null(ProductRules.TryApply(current, new ProductPatch(Price: Optional<decimal?>.Of(1.999m), ImageUrl: Optional<string?>.Of("")), refused));
        Assert.Equal(["image_url", "price"], refused.ToDictionary().Keys.Order());
    }

    /// <summary>What the API reads from <paramref name="json"/> and then the grain makes of it.</summary>
    private static (ProductState? State, IReadOnlyDictionary<string, string[]> Errors) Create(string json)
    {
        var errors = new FieldErrors();
        var draft = ProductRequests.ReadDraft(JsonSerializer.Deserialize<JsonElement>(json), errors);
        var state = errors.IsEmpty ? ProductRules.TryCreate(draft, DateTimeOffset.UnixEpoch, errors) : null;
        return (state, errors.ToDictionary());
    }

    private static void AssertRefused(string json, string field, string message)
    {
        var (state, errors) = Create(json);
        Assert.Null(state);
        Assert.Equal([field], errors.Keys);
        Assert.Equal([message], errors[field]);
    }
}
