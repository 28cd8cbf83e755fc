using System.Text.Json;

namespace Commerce.WebApi.Json;

/// <summary>
/// Finds a field given twice in one JSON object. The parser keeps the last of them without a word, so
/// <c>{"name":"a","name":"b"}</c> would store "b" while a proxy or log that kept the first saw "a"; a body
/// that says two things is refused instead (RFC 8259 §4: names SHOULD be unique).
/// </summary>
public static class DuplicateFields
{
    /// <returns>The path of the first repeated field (<c>name</c>, or <c>tags[0].name</c> when nested), or null.</returns>
    public static string? Find(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var name = path.Length == 0 ? property.Name : path + "." + property.Name;
                    if (!seen.Add(property.Name))
                    {
                        return name;
                    }

                    if (Find(property.Value, name) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]") is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
