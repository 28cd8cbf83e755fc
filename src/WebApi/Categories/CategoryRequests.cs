using System.Text.Json;
using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Validation;
using Commerce.WebApi.Json;

namespace Commerce.WebApi.Categories;

/// <summary>Turns request bodies into category commands, recording JSON type errors per field.</summary>
public static class CategoryRequests
{
    public static CategoryDraft ReadDraft(JsonElement body, FieldErrors errors)
    {
        var fields = new JsonFields(body, errors);
        return new CategoryDraft(fields.Text("name").Value, fields.Id("parent_id").Value);
    }

    public static CategoryPatch ReadPatch(JsonElement body, FieldErrors errors)
    {
        var fields = new JsonFields(body, errors);
        var patch = new CategoryPatch(fields.Text("name"), fields.Id("parent_id"));
        fields.RejectNull("name", patch.Name);
        return patch;
    }
}
