namespace Commerce.Postgres;

/// <summary>An exclusive lock on a file, held across processes (flock on Unix) until disposed.</summary>
internal sealed class StartLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly FileStream file;

    private StartLock(FileStream file) => this.file = file;

    public static async Task<StartLock> AcquireAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new StartLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Held by another process starting the same server; it finishes within pg_ctl's own timeout.
                await Task.Delay(RetryDelay, ct);
            }
        }
    }

    public void Dispose() => file.Dispose();
}
