using EcoEnforce.Auditing;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>The signed-in user for the audit trail; "system" for work done outside a request (start-up seeding).</summary>
public sealed class HttpActor(IHttpContextAccessor accessor) : IActor
{
    public string Name => accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "system";
}
