using EcoEnforce.Accounts;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace EcoEnforce.Web.Infrastructure;

public static class AuthenticationSetup
{
    public const string CookieOrBearer = "CookieOrBearer";
    /// <summary>Authentication property holding the Unix time of the sign-in; renewals keep it.</summary>
    public const string SignedInAtKey = ".signedInAt";

    /// <summary>Identity with cookies for people in browsers and bearer tokens for API clients; everything requires
    /// a signed-in user unless an endpoint explicitly allows anonymous access.</summary>
    public static IServiceCollection AddEcoEnforceAuthentication(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("EcoEnforce").PersistKeysToDbContext<EcoEnforceDb>();

        services.AddIdentity<AppUser, IdentityRole>(AccountOptions.Apply)
            .AddEntityFrameworkStores<EcoEnforceDb>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                // AddIdentity sets the cookie as default for authenticate and challenge; the policy scheme must win.
                o.DefaultScheme = CookieOrBearer;
                o.DefaultAuthenticateScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
                o.DefaultForbidScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "EcoEnforce.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Idle sessions end after ExpireTimeSpan (renewed while in use); every session ends SessionLifetime after
            // its sign-in however busy, so a cookie copied off a shared PC does not live for ever.
            o.ExpireTimeSpan = AccountOptions.IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = context =>
            {
                context.Properties.Items.TryAdd(SignedInAtKey, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            var checkStamp = o.Events.OnValidatePrincipal; // Identity's security stamp check: keep it
            o.Events.OnValidatePrincipal = async context =>
            {
                if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var at) || !long.TryParse(at, out var seconds)
                    || DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds) > AccountOptions.SessionLifetime)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await checkStamp(context);
            };
            // API callers get status codes, not a redirect to the login page.
            o.Events.OnRedirectToLogin = context => ApiAware(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        // Sign-out, a password change or an administrator's lock changes the security stamp; every cookie issued
        // before is refused at its next check, at most this long afterwards.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = AccountOptions.StampCheckInterval);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Editor, p => p.RequireRole(Roles.Admin, Roles.SectionChief))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Leaders, p => p.RequireRole(Roles.Admin, Roles.Leader, Roles.SectionChief))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Admin, Roles.Leader, Roles.SectionChief, Roles.Inspector, Roles.Viewer))
            .AddPolicy(Policies.StaffOrLiaison, p => p.RequireRole(Roles.Admin, Roles.Leader, Roles.SectionChief, Roles.Inspector, Roles.Viewer, Roles.Liaison))
            .AddPolicy(Policies.ComplaintHandler, p => p.RequireRole(Roles.Admin, Roles.SectionChief, Roles.Inspector));
        return services;
    }

    private static Task ApiAware(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    /// <summary>May change the registry and plans: 管理员, 科室负责人.</summary>
    public const string Editor = "Editor";
    public const string Admin = "Admin";
    /// <summary>Those who see secret draws and what would reveal them: 管理员, 局领导, 科室负责人 (as DrawAccess.IsLeader).</summary>
    public const string Leaders = "Leaders";
    /// <summary>Bureau staff, i.e. every role except 联络员, who see only their own unit's reporting.</summary>
    public const string Staff = "Staff";
    /// <summary>Staff, and 联络员 restricted to their own unit's records (the ledger).</summary>
    public const string StaffOrLiaison = "StaffOrLiaison";
    /// <summary>Imports, records and decides complaints: 管理员, 科室负责人, 执法人员.</summary>
    public const string ComplaintHandler = "ComplaintHandler";
}

public static class AuthorizationServiceExtensions
{
    /// <summary>Whether the user may change the registry, plans and devices. Pages that show editing controls to some
    /// users only, and page handlers (which cannot carry their own [Authorize]), ask this.</summary>
    public static async Task<bool> IsEditorAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Editor)).Succeeded;
}
