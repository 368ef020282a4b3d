namespace EcoEnforce.Web.Api;

public static class ApiRegistration
{
    /// <summary>The versioned JSON API under /api/v1. Every route needs a bearer token (or a session cookie)
    /// except the token endpoint.</summary>
    public static IEndpointRouteBuilder MapEcoEnforceApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1");
        v1.MapAuthApi();
        v1.MapPlansApi();
        v1.MapEntitiesApi();
        v1.MapMonitoringApi();
        v1.MapMapApi();
        v1.MapDrawsApi();
        v1.MapInspectionsApi();
        v1.MapInspectionWriteApi();
        v1.MapReportsApi();
        v1.MapMonthlyReportsApi();
        v1.MapComplaintsApi();
        app.MapEvidenceEndpoints(v1);
        return app;
    }
}
