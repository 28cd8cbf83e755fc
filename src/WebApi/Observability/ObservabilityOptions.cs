namespace Commerce.WebApi.Observability;

public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>Requests that take at least this long are logged as warnings; the design promises answers well inside 200 ms.</summary>
    public TimeSpan SlowRequestThreshold { get; set; } = TimeSpan.FromMilliseconds(200);
}
