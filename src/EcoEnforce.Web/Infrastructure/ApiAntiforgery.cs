using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>The JSON API also accepts the session cookie (so pages' scripts can read it). A browser sends that cookie
/// on its own, so a changing request carried by it must show the antiforgery token (header
/// <c>RequestVerificationToken</c> or form field) like a page form; a bearer token is never sent on its own and needs
/// none. Razor Pages check their own forms; endpoints marked DisableAntiforgery read their form by hand and check
/// the token themselves (evidence upload, complaint import).</summary>
public static class ApiAntiforgery
{
    public static IApplicationBuilder UseApiAntiforgeryForCookies(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && context.User.Identity?.IsAuthenticated == true
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && context.GetEndpoint() is { } endpoint
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            && endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: false }
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await Results.Problem("缺少或无效的防伪令牌（使用会话 Cookie 调用接口时须附带 RequestVerificationToken）",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }
        await next();
    });
}
