using System.Text.RegularExpressions;

namespace Commerce.Grains.Interfaces.Validation;

/// <summary>The rules of an order request (API.md "Orders").</summary>
public static partial class OrderRules
{
    public const int MaxLines = 100;
    public const int MaxCustomerIdLength = 100;

    public static string? CheckCustomerId(string? customerId) => customerId switch
    {
        null => "is required.",
        { Length: 0 or > MaxCustomerIdLength } => $"must be 1 to {MaxCustomerIdLength} characters.",
        _ when !CustomerIdPattern().IsMatch(customerId) => "may contain only A-Z, a-z, 0-9, '_', '.', '@' and '-'.",
        _ => null,
    };

    public static string? CheckLineCount(int count) =>
        count is < 1 or > MaxLines ? $"must hold 1 to {MaxLines} lines." : null;

    [GeneratedRegex("^[A-Za-z0-9_.@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CustomerIdPattern();
}
