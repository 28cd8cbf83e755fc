using System.Text.Json;
using Commerce.Grains.Categories;
using Commerce.Grains.Interfaces.Validation;
using Commerce.WebApi.Categories;

namespace Commerce.Tests.Rules;

/// <summary>
/// Category bodies: what the API reads from them (JSON types, no null name on a change) and the name rule the
/// category-tree grain then applies (text of 1 to 255 code points after trim and NFC).
/// </summary>
public sealed class CategoryRequestsTests
{
    private const string Emoji = "\U0001F600";

    [Theory]
    [InlineData("{}", "name", "is required.")]
    [InlineData("""{"name": null}""", "name", "is required.")]
    [InlineData("""{"name": ""}""", "name", "must not be blank.")]
    [InlineData("""{"name": " \u3000 "}""", "name", "must not be blank.")]
    [InlineData("""{"name": 42}""", "name", "must be a string, not a number.")]
    [InlineData("""{"name": ["a"]}""", "name", "must be a string, not an array.")]
    [InlineData("""{"name": "Fine", "parent_id": "1"}""", "parent_id", "must be an integer id, not a string.")]
    [InlineData("""{"name": "Fine", "parent_id": 1.5}""", "parent_id", "must be an integer id, not a number.")]
    [InlineData("""{"name": "Fine", "parent_id": true}""", "parent_id", "must be an integer id, not a boolean.")]
    [InlineData("""{"name": "Fine", "parent_id": 99999999999999999999}""", "parent_id", "must be an integer id, not a number.")]
    public void An_invalid_create_body_is_refused_naming_the_field(string json, string field, string message)
    {
        var errors = new FieldErrors();
        var draft = CategoryRequests.ReadDraft(Parse(json), errors);
        if (errors.IsEmpty)
        {
            errors.AddIfAny("name", Name(draft.Name));
        }

        AssertOnly(errors, field, message);
    }

    [Theory]
    [InlineData("""{"name": null}""", "name", "must not be null.")]
    [InlineData("""{"name": ""}""", "name", "must not be blank.")]
    [InlineData("""{"name": 7}""", "name", "must be a string, not a number.")]
    [InlineData("""{"parent_id": "1"}""", "parent_id", "must be an integer id, not a string.")]
    public void An_invalid_change_body_is_refused_naming_the_field(string json, string field, string message)
    {
        var errors = new FieldErrors();
        var patch = CategoryRequests.ReadPatch(Parse(json), errors);
        if (errors.IsEmpty && patch.Name.IsSet)
        {
            errors.AddIfAny("name", Name(patch.Name.Value));
        }

        AssertOnly(errors, field, message);
    }

    [Fact]
    public void A_change_with_a_null_parent_id_moves_to_the_roots_and_leaves_the_name()
    {
        var errors = new FieldErrors();
        var patch = CategoryRequests.ReadPatch(Parse("""{"parent_id": null}"""), errors);

        Assert.True(errors.IsEmpty);
        Assert.True(patch.ParentId.IsSet && patch.ParentId.Value is null);
        Assert.False(patch.Name.IsSet);
    }

    [Fact]
    public void A_name_may_have_255_code_points_but_not_256()
    {
        var name = string.Concat(Enumerable.Repeat(Emoji, 255));

        Assert.Null(Name(name));
        Assert.Equal("must be at most 255 characters long.", Name(name + "x"));
    }

    /// <summary>The name rule as the category-tree grain applies it.</summary>
    private static string? Name(string? name) => CatalogText.TryNormalize(name, CategoryTreeLimits.MaxNameLength, out _);

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json);

    private static void AssertOnly(FieldErrors errors, string field, string message)
    {
        var all = errors.ToDictionary();
        Assert.Equal([field], all.Keys);
        Assert.Equal([message], all[field]);
    }
}
