using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Validation;
using Commerce.ReadModel;
using Commerce.WebApi.Errors;
using Commerce.WebApi.Http;
using Commerce.WebApi.Json;
using Commerce.WebApi.OpenApi;
using Commerce.WebApi.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.WebApi.Products;

/// <summary><c>/api/v1/products</c>: thin handlers that check the shape of a request, call the grain and map its outcome.</summary>
public static class ProductEndpoints
{
    public static RouteGroupBuilder MapProductEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/products").WithTags(OpenApiTags.Products);
        group.MapGetAndHead("/", ListProducts)
            .WithName("listProducts")
            .WithSummary("List products")
            .WithDescription("One page of products ordered by id, with the exact total.")
            .ProducesProblems(StatusCodes.Status422UnprocessableEntity);
        group.MapGetAndHead("/search", SearchProducts)
            .WithName("searchProducts")
            .WithSummary("Search products")
            .WithDescription("Filters combine with AND; results are ordered by id, so pages never overlap or skip, and `total` is exact " +
                "whatever the offset. Once a write has answered 2xx, every later search reflects it.")
            .ProducesProblems(StatusCodes.Status422UnprocessableEntity);
        group.MapGetAndHead("/{id}", GetProduct)
            .WithName("getProduct")
            .WithSummary("Read a product")
            .WithDescription("The product with its `ETag`, which `If-Match` on a change can name.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateProduct)
            .WithName("createProduct")
            .WithSummary("Create a product")
            .WithDescription("SKUs are unique after trimming and upper-casing (409); an unknown `category_id` is 404.")
            .AcceptsJson<CreateProductRequest>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        group.MapPatch("/{id}", UpdateProduct)
            .WithName("updateProduct")
            .WithSummary("Change a product")
            .WithDescription("Absent fields stay as they are; `null` clears `image_url` or `category_id` and is 422 for the other fields. " +
                "`{}` changes nothing and keeps the version.")
            .AcceptsJson<UpdateProductRequest>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id}", DeleteProduct)
            .WithName("deleteProduct")
            .WithSummary("Delete a product")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed);
        return group;
    }

    public static async Task<Results<ProductPageResult, ProblemHttpResult>> ListProducts(
        [AsParameters] PageParameters page, ProductSearchQuery search, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (limit, offset) = page.Parse(errors);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors.ToDictionary(), "The query parameters are not valid.");
        }

        var result = await search.ExecuteAsync(new ProductSearchCriteria(null, null, null, null, limit, offset), cancellationToken);
        return new ProductPageResult(result, limit, offset);
    }

    public static async Task<Results<ProductPageResult, ProblemHttpResult>> SearchProducts(
        [AsParameters] ProductSearchParameters parameters, ProductSearchQuery search, SearchMetrics metrics, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (parameters.TryParse(errors) is not { } criteria)
        {
            return ApiProblems.Invalid(errors.ToDictionary(), "The search parameters are not valid.");
        }

        var result = await search.ExecuteAsync(criteria, cancellationToken);
        metrics.Record(result.Total);
        return new ProductPageResult(result, criteria.Limit, criteria.Offset);
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProduct(
        string id, IGrainFactory grains, HttpResponse response)
    {
        if (ResourceId.Parse(id) is not { } key || await grains.GetGrain<IProductGrain>(key).GetAsync() is not { } product)
        {
            return ApiProblems.NotFound($"Product {id} does not exist.");
        }

        EntityTags.Set(response, product.Version);
        return TypedResults.Ok(ProductResponse.From(product));
    }

    public static async Task<Results<Created<ProductResponse>, ProblemHttpResult>> CreateProduct(
        HttpRequest request, JsonBodyReader bodies, IdSequence ids, IGrainFactory grains)
    {
        var (draft, problem) = await CommandBody.ReadAsync(request, bodies, ProductRequests.ReadDraft, "The product is not valid.");
        if (draft is null)
        {
            return problem!;
        }

        var id = await ids.NextProductIdAsync(request.HttpContext.RequestAborted);
        var result = await grains.GetGrain<IProductGrain>(id).CreateAsync(draft);
        if (result.Value is not { } product)
        {
            return CatalogProblems.From(result.Error!);
        }

        EntityTags.Set(request.HttpContext.Response, product.Version);
        return TypedResults.Created($"/api/v1/products/{product.Id}", ProductResponse.From(product));
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> UpdateProduct(
        string id, HttpRequest request, JsonBodyReader bodies, IGrainFactory grains)
    {
        if (ResourceId.Parse(id) is not { } key)
        {
            return ApiProblems.NotFound($"Product {id} does not exist.");
        }

        var (patch, problem) = await CommandBody.ReadAsync(request, bodies, ProductRequests.ReadPatch, "The product changes are not valid.");
        if (patch is null)
        {
            return problem!;
        }

        var grain = grains.GetGrain<IProductGrain>(key);
        var ifMatch = EntityTags.ParseIfMatch(request);
        var expected = await ifMatch.ExpectedVersionAsync(async () => (await grain.GetAsync())?.Version);
        var result = await grain.UpdateAsync(patch, expected);
        if (result.Value is not { } product)
        {
            return CatalogProblems.From(result.Error!, ifMatch, $"product {key}");
        }

        EntityTags.Set(request.HttpContext.Response, product.Version);
        return TypedResults.Ok(ProductResponse.From(product));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteProduct(string id, HttpRequest request, IGrainFactory grains)
    {
        if (ResourceId.Parse(id) is not { } key)
        {
            return ApiProblems.NotFound($"Product {id} does not exist.");
        }

        var grain = grains.GetGrain<IProductGrain>(key);
        var ifMatch = EntityTags.ParseIfMatch(request);
        var expected = await ifMatch.ExpectedVersionAsync(async () => (await grain.GetAsync())?.Version);
        var result = await grain.DeleteAsync(expected);
        return result.IsSuccess ? TypedResults.NoContent() : CatalogProblems.From(result.Error!, ifMatch, $"product {key}");
    }
}
