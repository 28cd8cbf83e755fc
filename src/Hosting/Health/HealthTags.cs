namespace Commerce.Hosting.Health;

public static class HealthTags
{
    /// <summary>Checks that must pass before the node takes traffic (/health/ready).</summary>
    public const string Ready = "ready";
}
