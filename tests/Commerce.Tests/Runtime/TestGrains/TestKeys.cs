namespace Commerce.Tests.Runtime.TestGrains;

/// <summary>Fresh grain keys, so that no two tests ever share a grain.</summary>
public static class TestKeys
{
    private static long _last;

    public static long Next() => Interlocked.Increment(ref _last);
}
