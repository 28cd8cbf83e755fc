using System.Text;
using Commerce.WebApi;
using Commerce.WebApi.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Commerce.Tests.Rules;

/// <summary>
/// A body as a whole: 400 only for bytes that are not JSON (UTF-8) at all, 422 for JSON that is not an object or
/// gives a field twice. Every write endpoint reads its body through this reader.
/// </summary>
public sealed class JsonBodyReaderTests
{
    [Theory]
    [InlineData("{")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{'title': 'x'}")]
    [InlineData("{\"title\": }")]
    [InlineData("{} {}")]
    [InlineData("{\"title\": \"x\",}")]
    public async Task A_body_that_is_not_json_is_400(string body)
    {
        var problem = await RefusedAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.StartsWith("The request body is not valid JSON", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"title\": \"Caf\xC3(\"}")]
    [InlineData("{\"\xC3(\": 1}")]
    [InlineData("{\"title\": \"\xED\xA0\x80\"}")]
    [InlineData("\xEF\xBB\xBF{\"title\": \"\xFF\"}")]
    public async Task A_body_that_is_not_utf8_is_400(string latin1)
    {
        // Each char of the test data stands for one byte, so the data can hold byte sequences UTF-8 forbids.
        var problem = await RefusedAsync(Encoding.Latin1.GetBytes(latin1));

        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.Equal("The request body is not valid UTF-8, so it is not JSON.", problem.ProblemDetails.Detail);
    }

    [Theory]
    [InlineData("[]", "array")]
    [InlineData("[{}]", "array")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    [InlineData("\"x\"", "string")]
    [InlineData("true", "true")]
    public async Task Json_that_is_not_an_object_is_422(string body, string kind)
    {
        var problem = await RefusedAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, problem.StatusCode);
        Assert.Equal($"The request body must be a JSON object, not {kind}.", problem.ProblemDetails.Detail);
    }

    [Theory]
    [InlineData("""{"name": "a", "name": "b"}""", "name")]
    [InlineData("""{"name": "a", "na\u006de": "b"}""", "name")]
    [InlineData("""{"name": "a", "parent_id": null, "parent_id": 1}""", "parent_id")]
    [InlineData("""{"name": "a", "extra": {"x": 1, "x": 2}}""", "extra.x")]
    [InlineData("""{"price": "11.00", "price": "12.00"}""", "price")]
    public async Task A_field_given_twice_is_422_naming_it(string body, string field)
    {
        var problem = await RefusedAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, problem.StatusCode);
        var errors = Assert.IsType<ValidationProblemDetails>(problem.ProblemDetails).Errors;
        Assert.Equal([field], errors.Keys);
        Assert.Equal(["is given more than once."], errors[field]);
    }

    [Fact]
    public async Task A_json_object_is_read()
    {
        var (document, problem) = await ReadAsync(Encoding.UTF8.GetBytes("""{"name": "a", "extra": [[[]]]}"""));

        Assert.Null(problem);
        using (document)
        {
            Assert.Equal("a", document!.RootElement.GetProperty("name").GetString());
        }
    }

    private static async Task<ProblemHttpResult> RefusedAsync(byte[] body)
    {
        var (document, problem) = await ReadAsync(body);
        Assert.Null(document);
        return Assert.IsType<ProblemHttpResult>(problem);
    }

    private static Task<(System.Text.Json.JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        return new JsonBodyReader(Options.Create(new CatalogApiOptions())).ReadObjectAsync(context.Request);
    }
}
