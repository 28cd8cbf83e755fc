using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Commerce.Tests.Hardening;

/// <summary>
/// FsCheck generators of input that a catalog must refuse: raw JSON fragments that are invalid for the field
/// they are put in (wrong types, huge numbers, deep nesting, unpaired surrogates, control characters, strings
/// far over the limits), plus odd but harmless text (RTL, zero-width, SQL, LIKE wildcards) to ride along.
/// </summary>
public static partial class HostileGenerators
{
    /// <summary>Text a field may legally hold but that has broken naive systems.</summary>
    public static readonly string[] OddText =
    [
        "'; DROP TABLE products; --", "\" OR 1=1 --", "%", "_", "\\", "%_\\%", "a%b_c\\d", "' UNION SELECT * FROM categories --",
        "\u202Eevil\u202C", "\u200B\u200C\u200D\uFEFF", "مرحبا بالعالم", "שלום", "日本語テキスト", "Ωμέγα", "👍🏽 emoji", "e\u0301",
        "$1", "\u00A0nbsp", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}",
    ];

    /// <summary>JSON values that are the wrong type for any text field.</summary>
    private static readonly string[] WrongTypes =
        ["42", "-0", "1e999999", "123456789012345678901234567890", "true", "false", "[]", "{}", "[\"a\"]", "{\"a\":1}"];

    public static Gen<string> DeepNesting() =>
        Gen.Choose(2, 20_000).Select(depth => new string('[', depth) + new string(']', depth));

    /// <summary>A JSON string literal that no text field accepts.</summary>
    public static Gen<string> BadTextLiteral(int maxLength) => Gen.OneOf(
        Gen.Elements("\"\\uD800\"", "\"a\\uDFFFb\"", "\"\\uD800\\uD800x\"", "\"x\\uDBFF\""), // unpaired surrogates
        Gen.Elements("\"\\u0000\"", "\"a\\u0001b\"", "\"tab\\there\"", "\"new\\nline\"", "\"\\u007F\"", "\"\\u0085\"", "\"\\u001b[31m\""),
        Gen.Elements("\"\"", "\"   \"", "\" \\t \""), // blank after trimming
        Gen.Choose(maxLength + 1, maxLength + 50).Select(n => "\"" + new string('x', n) + "\""),
        Gen.Choose(1, 3).Select(mb => "\"" + new string('y', mb * 1024 * 1024 + 17) + "\"")); // over the body limit

    public static Gen<string> BadText(int maxLength) => Gen.Frequency(
        (2, Gen.Elements(WrongTypes)), (1, DeepNesting()), (6, BadTextLiteral(maxLength)), (1, Gen.Constant("null")));

    public static Gen<string> BadDescription() => Gen.Frequency(
        (2, Gen.Elements(WrongTypes)), (1, DeepNesting()), (1, Gen.Constant("null")),
        (4, Gen.Elements("\"\\uD800\"", "\"\\u0000\"", "\"\\u0007bell\"", "\"   \"", "\"\"")),
        (1, Gen.Constant("\"" + new string('d', 10_001) + "\"")));

    public static Gen<string> BadSku() => Gen.OneOf(
        Gen.Elements(OddText.Where(t => !ValidSku().IsMatch(t.Trim().ToUpperInvariant())).ToArray()).Select(Literal),
        Gen.Elements("\"A B\"", "\"\"", "\"ä\"", "\"SKU*\"", "\"\\uD800\"", "\"A\\u0000\"", "42", "true", "null", "[]"),
        Gen.Choose(101, 200).Select(n => "\"" + new string('S', n) + "\""));

    public static Gen<string> BadPrice() => Gen.Elements(
        "1e400", "-1", "-0.01", "10000000000", "1.001", "\"1e3\"", "\"12,50\"", "\"$5\"", "\" 5\"", "\"-5\"",
        "123456789012345678901234567890.5", "0.000000000000000000000000000001", "true", "[]", "{}", "null", "\"\\uD800\"",
        "\"\"", "\"1.2.3\"", "\"١٢\"", "9999999999.999", "99999999999999999999999999999999999999999");

    public static Gen<string> BadId() => Gen.Elements(
        "1.5", "\"1\"", "9223372036854775808", "-9223372036854775809", "1e3", "true", "[]", "{}", "\"\\uD800\"",
        "123456789012345678901234567890", "1e999999", "-0.5");

    /// <summary>Path segments that are no id: 404 or 422, never 400 or 5xx. None of them can parse as an existing id.</summary>
    public static Gen<string> BadPathId() => Gen.OneOf(
        Gen.Elements("0", "-1", "abc", "1.5", "1e3", "0x10", "99999999999999999999", "%ED%A0%80", "%20", "%27%20OR%201%3D1",
            "%D9%A1%D9%A2", "%E2%80%AE1", "%C0%AF", "null", "undefined", "NaN", "Infinity", "1%2F2", "%25", "_"),
        Gen.Choose(30, 60_000).Select(n => "9" + new string('0', n)));

    /// <summary>Query-string values: hostile or odd, percent-encoded as a client would (or would not) send them.</summary>
    public static Gen<string> OddQueryValue() => Gen.OneOf(
        Gen.Elements(OddText).Select(Uri.EscapeDataString),
        Gen.Elements("%ED%A0%80", "%00", "%FF%FE", "%C0%AF", "%E2%80%AE", "%", "%%", "%2", "+", "%2B", "-1", "1e400", "NaN",
            "99999999999999999999999", "0", "1.999", "abc", ""),
        Gen.Choose(250, 60_000).Select(n => new string('q', n)));

    public static string Literal(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>A JSON object from raw field fragments, in the given order.</summary>
    public static string JsonObject(IEnumerable<(string Name, string Json)> fields)
    {
        var body = new StringBuilder("{");
        foreach (var (name, json) in fields)
        {
            if (body.Length > 1)
            {
                body.Append(',');
            }

            body.Append(Literal(name)).Append(':').Append(json);
        }

        return body.Append('}').ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Z0-9_-]{1,100}$")]
    private static partial System.Text.RegularExpressions.Regex ValidSku();

    public static Arbitrary<T> NoShrink<T>(this Gen<T> gen) => Arb.From(gen, _ => []);
}
