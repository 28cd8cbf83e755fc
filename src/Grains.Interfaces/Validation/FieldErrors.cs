namespace Commerce.Grains.Interfaces.Validation;

/// <summary>Collects validation messages per field, in the shape problem details carry them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Records <paramref name="error"/> under <paramref name="field"/> when it is not null.</summary>
    public void AddIfAny(string field, string? error)
    {
        if (error is not null)
        {
            Add(field, error);
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
