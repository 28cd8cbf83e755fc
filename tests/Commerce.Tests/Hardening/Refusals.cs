using System.Text.Json.Nodes;
using Commerce.Tests.Api;
using Commerce.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Npgsql;

namespace Commerce.Tests.Hardening;

/// <summary>What every refusal must look like, and the checks that a refused request stored nothing.</summary>
public static class Refusals
{
    /// <summary>A 4xx (never 5xx) RFC 9457 problem.</summary>
    public static void AssertRefused(ApiResponse response, string what)
    {
        var status = (int)response.Status;
        Assert.True(status is >= 400 and < 500, $"{what}: expected a 4xx but got {status}: {Shorten(response.Body)}");
        AssertProblem(response, what);
    }

    /// <summary>Any answer but a 5xx; errors are problem details, successes are JSON.</summary>
    public static JsonNode? AssertNotServerError(ApiResponse response, string what)
    {
        var status = (int)response.Status;
        Assert.True(status < 500, $"{what}: got {status}: {Shorten(response.Body)}");
        if (status >= 400)
        {
            AssertProblem(response, what);
            return null;
        }

        return JsonNode.Parse(response.Body);
    }

    private static void AssertProblem(ApiResponse response, string what)
    {
        Assert.True(response.ContentType?.MediaType == "application/problem+json",
            $"{what}: content type {response.ContentType} for {(int)response.Status}");
        var json = JsonNode.Parse(response.Body)!;
        Assert.Equal((int)response.Status, json["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(json["detail"]?.GetValue<string>()), what);
    }

    /// <summary>Rows of products or categories whose text contains <paramref name="marker"/>, read straight from the tables.</summary>
    public static async Task<long> StoredRowsWithAsync(string marker)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.GetConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM products WHERE strpos(upper(title || sku || description), $1) > 0) + " +
            "(SELECT count(*) FROM categories WHERE strpos(upper(name), $1) > 0)", connection);
        command.Parameters.Add(new() { Value = marker.ToUpperInvariant() });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs an FsCheck property off the test's synchronisation context, with a bounded number of cases.</summary>
    public static Task CheckAsync<T>(Gen<T> gen, int cases, Func<T, Task> body) => Task.Run(() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true),
            Prop.ForAll(gen.NoShrink(), value =>
            {
                body(value).GetAwaiter().GetResult();
                return true;
            })));

    public static string Marker() => "HX" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();

    public static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
