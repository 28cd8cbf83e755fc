using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Validation;
using Commerce.ReadModel;
using Commerce.WebApi.Errors;
using Commerce.WebApi.Http;
using Commerce.WebApi.Json;
using Commerce.WebApi.OpenApi;
using Commerce.WebApi.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.WebApi.Categories;

/// <summary>
/// <c>/api/v1/categories</c>: reads from the category grains and the category read table; changes through the
/// category tree grain, which checks the rules that span the tree.
/// </summary>
public static class CategoryEndpoints
{
    public static RouteGroupBuilder MapCategoryEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/categories").WithTags(OpenApiTags.Categories);
        group.MapGetAndHead("/", ListCategories)
            .WithName("listCategories")
            .WithSummary("List categories")
            .WithDescription("One page of categories ordered by id. `parent_id` narrows it to the direct children of one category, " +
                "`parent_id=null` to the roots; an id that names no category gives an empty page.")
            .ProducesProblems(StatusCodes.Status422UnprocessableEntity);
        group.MapGetAndHead("/{id}", GetCategory)
            .WithName("getCategory")
            .WithSummary("Read a category")
            .WithDescription("The category with its `ETag`, which `If-Match` on a change can name.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateCategory)
            .WithName("createCategory")
            .WithSummary("Create a category")
            .WithDescription("A root, or a child of `parent_id`. Names are unique among siblings (trimmed, NFC, case-insensitive: 409); " +
                "a root is level 1 and no category may be deeper than level 100 (422); an unknown `parent_id` is 404.")
            .AcceptsJson<CreateCategoryRequest>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        group.MapPatch("/{id}", UpdateCategory)
            .WithName("updateCategory")
            .WithSummary("Rename or move a category")
            .WithDescription("Absent fields stay as they are; `\"parent_id\": null` moves the category to the roots with its subtree. " +
                "A move under itself or a descendant, or one that would put any category deeper than level 100, is 422. " +
                "`{}` changes nothing and keeps the version.")
            .AcceptsJson<UpdateCategoryRequest>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id}", DeleteCategory)
            .WithName("deleteCategory")
            .WithSummary("Delete a category and its subtree")
            .WithDescription("Deletes the category and every descendant in one transaction, and unlinks (does not delete) every product in them: " +
                "their `category_id` becomes null and their `ETag` changes.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed);
        return group;
    }

    public static async Task<Results<Ok<PageResponse<CategoryResponse>>, ProblemHttpResult>> ListCategories(
        [AsParameters] CategoryListParameters parameters, CategoryListQuery categories, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (parameters.TryParse(errors) is not { } query)
        {
            return ApiProblems.Invalid(errors.ToDictionary(), "The query parameters are not valid.");
        }

        var page = await categories.ExecuteAsync(query.Scope, query.ParentId, query.Limit, query.Offset, cancellationToken);
        return TypedResults.Ok(new PageResponse<CategoryResponse>(
            [.. page.Items.Select(CategoryResponse.From)], page.Total, query.Limit, query.Offset));
    }

    public static async Task<Results<Ok<CategoryResponse>, ProblemHttpResult>> GetCategory(
        string id, IGrainFactory grains, HttpResponse response)
    {
        if (ResourceId.Parse(id) is not { } key || await grains.GetGrain<ICategoryGrain>(key).GetAsync() is not { } category)
        {
            return ApiProblems.NotFound($"Category {id} does not exist.");
        }

        EntityTags.Set(response, category.Version);
        return TypedResults.Ok(CategoryResponse.From(category));
    }

    public static async Task<Results<Created<CategoryResponse>, ProblemHttpResult>> CreateCategory(
        HttpRequest request, JsonBodyReader bodies, IdSequence ids, IGrainFactory grains)
    {
        var (draft, problem) = await CommandBody.ReadAsync(request, bodies, CategoryRequests.ReadDraft, "The category is not valid.");
        if (draft is null)
        {
            return problem!;
        }

        var id = await ids.NextCategoryIdAsync(request.HttpContext.RequestAborted);
        var result = await grains.GetGrain<ICategoryTreeGrain>(ICategoryTreeGrain.Key).CreateAsync(id, draft);
        if (result.Value is not { } category)
        {
            return CatalogProblems.From(result.Error!);
        }

        EntityTags.Set(request.HttpContext.Response, category.Version);
        return TypedResults.Created($"/api/v1/categories/{category.Id}", CategoryResponse.From(category));
    }

    public static async Task<Results<Ok<CategoryResponse>, ProblemHttpResult>> UpdateCategory(
        string id, HttpRequest request, JsonBodyReader bodies, IGrainFactory grains)
    {
        if (ResourceId.Parse(id) is not { } key)
        {
            return ApiProblems.NotFound($"Category {id} does not exist.");
        }

        var (patch, problem) = await CommandBody.ReadAsync(request, bodies, CategoryRequests.ReadPatch, "The category changes are not valid.");
        if (patch is null)
        {
            return problem!;
        }

        var ifMatch = EntityTags.ParseIfMatch(request);
        var expected = await ifMatch.ExpectedVersionAsync(async () => (await grains.GetGrain<ICategoryGrain>(key).GetAsync())?.Version);
        var result = await grains.GetGrain<ICategoryTreeGrain>(ICategoryTreeGrain.Key).UpdateAsync(key, patch, expected);
        if (result.Value is not { } category)
        {
            return CatalogProblems.From(result.Error!, ifMatch, $"category {key}");
        }

        EntityTags.Set(request.HttpContext.Response, category.Version);
        return TypedResults.Ok(CategoryResponse.From(category));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteCategory(string id, HttpRequest request, IGrainFactory grains)
    {
        if (ResourceId.Parse(id) is not { } key)
        {
            return ApiProblems.NotFound($"Category {id} does not exist.");
        }

        var ifMatch = EntityTags.ParseIfMatch(request);
        var expected = await ifMatch.ExpectedVersionAsync(async () => (await grains.GetGrain<ICategoryGrain>(key).GetAsync())?.Version);
        var result = await grains.GetGrain<ICategoryTreeGrain>(ICategoryTreeGrain.Key).DeleteAsync(key, expected);
        return result.IsSuccess ? TypedResults.NoContent() : CatalogProblems.From(result.Error!, ifMatch, $"category {key}");
    }
}
