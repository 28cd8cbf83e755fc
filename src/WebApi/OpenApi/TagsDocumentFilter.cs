using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Commerce.WebApi.OpenApi;

/// <summary>Introduces each group of operations (<see cref="OpenApiTags"/>).</summary>
public sealed class TagsDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context) =>
        swaggerDoc.Tags = new HashSet<OpenApiTag>(
            OpenApiTags.Descriptions.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
}
