using Microsoft.AspNetCore.Identity;

namespace EcoEnforce.Accounts;

/// <summary>Password and lockout rules, the same for the web app and the CLI.</summary>
public static class AccountOptions
{
    /// <summary>A browser session left unused this long ends (the cookie slides while in use).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(2);
    /// <summary>No browser session outlives a working day, however busy.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);
    /// <summary>How often a session cookie's security stamp is compared with the account's (sign-out, password change, lock).</summary>
    public static readonly TimeSpan StampCheckInterval = TimeSpan.FromMinutes(1);

    public static void Apply(IdentityOptions o)
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    }
}
