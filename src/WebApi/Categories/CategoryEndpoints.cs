using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Validation;
using Commerce.ReadModel;
using Commerce.WebApi.Errors;
using Commerce.WebApi.Http;
using Commerce.WebApi.Json;
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
        var group = routes.MapGroup("/api/v1/categories").WithTags("Categories");
        group.MapGet("/", ListCategories);
        group.MapGet("/{id}", GetCategory);
        group.MapPost("/", CreateCategory).Accepts<CreateCategoryRequest>("application/json", "*/*");
        group.MapPatch("/{id}", UpdateCategory).Accepts<UpdateCategoryRequest>("application/json", "*/*");
        group.MapDelete("/{id}", DeleteCategory);
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
        var (body, problem) = await bodies.ReadObjectAsync(request);
        if (problem is not null)
        {
            return problem;
        }

        using (body)
        {
            var errors = new FieldErrors();
            var draft = CategoryRequests.ReadDraft(body!.RootElement, errors);
            if (!errors.IsEmpty)
            {
                return ApiProblems.Invalid(errors.ToDictionary(), "The category is not valid.");
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
    }

    public static async Task<Results<Ok<CategoryResponse>, ProblemHttpResult>> UpdateCategory(
        string id, HttpRequest request, JsonBodyReader bodies, IGrainFactory grains)
    {
        if (ResourceId.Parse(id) is not { } key)
        {
            return ApiProblems.NotFound($"Category {id} does not exist.");
        }

        var (body, problem) = await bodies.ReadObjectAsync(request);
        if (problem is not null)
        {
            return problem;
        }

        using (body)
        {
            var errors = new FieldErrors();
            var patch = CategoryRequests.ReadPatch(body!.RootElement, errors);
            if (!errors.IsEmpty)
            {
                return ApiProblems.Invalid(errors.ToDictionary(), "The category changes are not valid.");
            }

            var expected = await EntityTags.ParseIfMatch(request)
                .ExpectedVersionAsync(async () => (await grains.GetGrain<ICategoryGrain>(key).GetAsync())?.Version);
            var result = await grains.GetGrain<ICategoryTreeGrain>(ICategoryTreeGrain.Key).UpdateAsync(key, patch, expected);
            if (result.Value is not { } category)
            {
                return CatalogProblems.From(result.Error!);
            }

            EntityTags.Set(request.HttpContext.Response, category.Version);
            return TypedResults.Ok(CategoryResponse.From(category));
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteCategory(string id, HttpRequest request, IGrainFactory grains)
    {
        if (ResourceId.Parse(id) is not { } key)
        {
            return ApiProblems.NotFound($"Category {id} does not exist.");
        }

        var expected = await EntityTags.ParseIfMatch(request)
            .ExpectedVersionAsync(async () => (await grains.GetGrain<ICategoryGrain>(key).GetAsync())?.Version);
        var result = await grains.GetGrain<ICategoryTreeGrain>(ICategoryTreeGrain.Key).DeleteAsync(key, expected);
        return result.IsSuccess ? TypedResults.NoContent() : CatalogProblems.From(result.Error!);
    }
}
