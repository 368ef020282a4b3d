using Microsoft.AspNetCore.Identity;

namespace EcoEnforce.Accounts;

/// <summary>Password and lockout rules, the same for the web app and the CLI.</summary>
public static class AccountOptions
{
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
