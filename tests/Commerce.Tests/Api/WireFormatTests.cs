using System.Globalization;
using Commerce.WebApi.Json;

namespace Commerce.Tests.Api;

/// <summary>
/// Amounts and times on the wire take the runtime's fast formats (<see cref="Money"/>, <see cref="ApiTime"/>); their
/// text must stay that of the custom formats the API has always written.
/// </summary>
public sealed class WireFormatTests
{
    private static readonly DateTimeOffset Moment = new(2026, 3, 12, 10, 20, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("0")]
    [InlineData("0.5")]
    [InlineData("0.005")]
    [InlineData("0.004999")]
    [InlineData("1.995")]
    [InlineData("10.00")]
    [InlineData("123.4")]
    [InlineData("9999999999.99")]
    [InlineData("79228162514264337593543950335")]
    public void Money_has_the_text_of_the_custom_two_decimal_format(string amount)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);

        Assert.Equal(value.ToString("0.00", CultureInfo.InvariantCulture), Money.Format(value));
    }

    [Fact]
    public void Times_have_the_text_of_the_custom_microsecond_format()
    {
        var random = new Random(13);
        var times = Enumerable.Range(0, 2_000)
            .Select(_ => new DateTimeOffset(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), TimeSpan.Zero))
            .Concat([DateTimeOffset.MinValue, DateTimeOffset.MaxValue, Moment.AddTicks(9), Moment.AddTicks(10),
                new DateTimeOffset(2026, 12, 3, 23, 30, 0, TimeSpan.FromHours(-5)).AddTicks(1_234_567)]);

        foreach (var time in times)
        {
            Assert.Equal(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), ApiTime.Format(time));
        }
    }
}
