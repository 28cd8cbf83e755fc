using System.Security.Cryptography;
using System.Text;
using Commerce.Grains.Interfaces.Idempotency;
using Commerce.WebApi.Errors;

namespace Commerce.WebApi.Idempotency;

/// <summary>
/// Runs a command under an Idempotency-Key (docs/adr/006): the key's grain binds it to this request's fingerprint and
/// to an operation id before anything happens; repeats run that same operation id (its grain does it at most once)
/// or get the stored first answer; the same key with another request is 422. Without a key the command just runs.
/// </summary>
public static class IdempotentRequest
{
    public static async Task<IResult> RunAsync(
        HttpContext http, IGrainFactory grains, string? key, string command, string newOperationId, Func<string, Task<IResult>> operation)
    {
        if (key is null)
        {
            return await operation(newOperationId);
        }

        var fingerprint = Fingerprint(http.Request.Method, http.Request.Path, command);
        var grain = grains.GetGrain<IIdempotencyKeyGrain>(key);
        var claim = await grain.BeginAsync(fingerprint, newOperationId);
        if (!claim.SameRequest)
        {
            return ApiProblems.Invalid(
                new Dictionary<string, string[]> { [IdempotencyKeyHeader.Name] = ["was already used with another request; use a new key."] },
                "This Idempotency-Key belongs to another request.");
        }

        if (claim.Answer is { } stored)
        {
            return CapturedAnswer.Replay(stored);
        }

        var answer = await CapturedAnswer.RenderAsync(await operation(claim.OperationId), http);
        await grain.CompleteAsync(fingerprint, answer);
        return CapturedAnswer.Replay(answer);
    }

    /// <summary>Method, path and the command as parsed, so formatting differences of the same body count as the same request.</summary>
    public static string Fingerprint(string method, string path, string command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{method}\n{path}\n{command}")));
}
