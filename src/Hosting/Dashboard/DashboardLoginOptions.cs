namespace Commerce.Hosting.Dashboard;

/// <summary>Optional basic auth for /dashboard (<c>Dashboard</c> section): off unless both a user name and a password are set.</summary>
public sealed class DashboardLoginOptions
{
    public const string Section = "Dashboard";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool RequiresLogin => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);
}
