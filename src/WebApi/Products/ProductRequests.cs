using System.Text.Json;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Validation;
using Commerce.WebApi.Json;

namespace Commerce.WebApi.Products;

/// <summary>Turns request bodies into product commands, recording JSON type errors per field.</summary>
public static class ProductRequests
{
    public static ProductDraft ReadDraft(JsonElement body, FieldErrors errors)
    {
        var fields = new JsonFields(body, errors);
        return new ProductDraft(
            fields.Text("title").Value,
            fields.Text("description").Value,
            fields.Text("image_url").Value,
            fields.Text("sku").Value,
            fields.Price("price").Value,
            fields.Id("category_id").Value,
            fields.WholeNumber("stock_on_hand").Value);
    }

    public static ProductPatch ReadPatch(JsonElement body, FieldErrors errors)
    {
        var fields = new JsonFields(body, errors);
        var patch = new ProductPatch(
            fields.Text("title"),
            fields.Text("description"),
            fields.Text("image_url"),
            fields.Text("sku"),
            fields.Price("price"),
            fields.Id("category_id"));
        fields.RejectNull("title", patch.Title);
        fields.RejectNull("description", patch.Description);
        fields.RejectNull("sku", patch.Sku);
        fields.RejectNull("price", patch.Price);
        return patch;
    }
}
