namespace Commerce.Tests.Cluster;

/// <summary>Waits for a condition the cluster reaches on its own (membership settling, grains moving), with a deadline.</summary>
public static class Poll
{
    public static Task UntilAsync(Func<bool> condition, string what, double seconds = 20) =>
        UntilAsync(() => Task.FromResult(condition()), what, seconds);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {seconds} s: {what}.");
            }

            await Task.Delay(100);
        }
    }
}
