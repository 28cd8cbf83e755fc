using Commerce.Tests.Infrastructure;
using Npgsql;

namespace Commerce.Tests.Database;

public sealed class PostgresUrlTests
{
    [Fact]
    public void The_uri_form_becomes_the_keyword_form()
    {
        var parsed = new NpgsqlConnectionStringBuilder(
            PostgresUrl.ToConnectionString("postgres://app%40x:p%3Ass@db.local:6543/catalog_ci?sslmode=disable"));

        Assert.Equal("db.local", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("app@x", parsed.Username);
        Assert.Equal("p:ss", parsed.Password);
        Assert.Equal("catalog_ci", parsed.Database);
        Assert.Equal(SslMode.Disable, parsed.SslMode);
    }

    [Fact]
    public void A_uri_without_a_port_uses_the_default_port() =>
        Assert.Equal(5432, new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgresql://h/db")).Port);

    [Fact]
    public void The_keyword_form_is_kept() =>
        Assert.Equal("h", new NpgsqlConnectionStringBuilder(
            PostgresUrl.ToConnectionString("Host=h;Port=1;Username=u;Database=d")).Host);
}
