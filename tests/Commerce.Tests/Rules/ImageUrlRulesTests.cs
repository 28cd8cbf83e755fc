using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Validation;
using Commerce.Grains.Products;

namespace Commerce.Tests.Rules;

/// <summary><c>image_url</c>: an absolute http(s) URL with a host, at most 2083 characters, kept exactly as sent.</summary>
public sealed class ImageUrlRulesTests
{
    private const string NotAWebUrl = "must be an absolute http or https URL with a host.";
    private const string NoSpaces = "must not contain spaces or control characters.";

    [Theory]
    [InlineData("https://example.com/a.png")]
    [InlineData("http://example.com")]
    [InlineData("HTTPS://Example.COM/Img%20One.PNG?size=Large&x=%7E#Top")]
    [InlineData("https://cdn.example.com:8443/a/../b/./c.png")]
    [InlineData("https://пример.рф/картинка.png")]
    [InlineData("http://127.0.0.1/x.png")]
    [InlineData("https://[::1]:8080/x.png")]
    public void An_absolute_http_url_is_accepted_and_kept_exactly_as_sent(string url)
    {
        Assert.Null(ImageUrlRules.Check(url));

        var errors = new FieldErrors();
        var product = ProductRules.TryCreate(new ProductDraft("Title", "Description", url, "SKU-1", 1m, null), DateTimeOffset.UnixEpoch, errors);
        Assert.True(errors.IsEmpty);
        Assert.Equal(url, product!.ImageUrl);
    }

    [Theory]
    [InlineData("", "must be an absolute http or https URL, or null.")]
    [InlineData("/images/a.png", NotAWebUrl)]
    [InlineData("images/a.png", NotAWebUrl)]
    [InlineData("//example.com/a.png", NotAWebUrl)]
    [InlineData("example.com/a.png", NotAWebUrl)]
    [InlineData("ftp://example.com/a.png", NotAWebUrl)]
    [InlineData("file:///etc/passwd", NotAWebUrl)]
    [InlineData("javascript:alert(1)", NotAWebUrl)]
    [InlineData("mailto:shop@example.com", NotAWebUrl)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", NotAWebUrl)]
    [InlineData("http://", NotAWebUrl)]
    [InlineData("https:///a.png", NotAWebUrl)]
    [InlineData("https://exa mple.com/a.png", NoSpaces)]
    [InlineData(" https://example.com/a.png", NoSpaces)]
    [InlineData("https://example.com/a\nb.png", NoSpaces)]
    public void Other_urls_are_refused_with_the_reason(string url, string message)
    {
        Assert.Equal(message, ImageUrlRules.Check(url));
    }

    [Fact]
    public void A_url_may_have_2083_characters_but_not_2084()
    {
        const string Prefix = "https://example.com/";
        var longest = Prefix + new string('a', 2083 - Prefix.Length);

        Assert.Null(ImageUrlRules.Check(longest));
        Assert.Equal("must be at most 2083 characters long.", ImageUrlRules.Check(longest + "a"));
    }
}
