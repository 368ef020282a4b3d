using System.ComponentModel.DataAnnotations;
using EcoEnforce.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace EcoEnforce.Web.Api;

public static class AuthApi
{
    public sealed record TokenRequest([property: Required] string Username, [property: Required] string Password);

    public static void MapAuthApi(this RouteGroupBuilder v1) =>
        v1.MapPost("/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .RequireRateLimiting(Infrastructure.RateLimits.Login)
            .WithTags("认证")
            .WithSummary("用户名和密码换取 bearer token（accessToken，有效期8小时）");

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> IssueTokenAsync(
        TokenRequest request, SignInManager<AppUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["username"] = ["用户名和密码不能为空"] });
        // The bearer handler writes the token response itself when sign-in succeeds.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Username.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Empty;
        return TypedResults.Problem(
            result.IsLockedOut ? "登录失败次数过多，账号已暂时锁定" : "用户名或密码错误",
            statusCode: StatusCodes.Status401Unauthorized);
    }
}
