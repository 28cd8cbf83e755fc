namespace Commerce.WebApi.Dashboard;

/// <summary>Optional basic auth for /dashboard: off unless both a user name and a password are configured.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool RequiresLogin => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);
}
