using EcoEnforce;
using EcoEnforce.Auditing;
using EcoEnforce.Data;
using EcoEnforce.Receiver;
using EcoEnforce.Web.Api;
using EcoEnforce.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddEcoEnforceLogging();

builder.Services.AddEcoEnforceDatabase(builder.Configuration);
builder.Services.AddHttpContextAccessor();
// Chinese text goes out as UTF-8, not as &#x...; entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddScoped<IActor, HttpActor>();
// Enums travel as their names in the JSON API ("DataLead", not 3): readable and stable under reordering.
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
    // Chinese stays readable, but < > & ' " are escaped (ASP.NET's default is relaxed): a name like "<script>" is
    // harmless even where JSON ends up inside HTML.
    o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
});
builder.Services.AddEcoEnforceAuthentication();
builder.Services.AddEcoEnforceFeatures();
builder.Services.AddPublicSiteCache(builder.Configuration);
builder.Services.AddRazorPages(o =>
    {
        o.Conventions.AllowAnonymousToFolder("/Public").AllowAnonymousToPage("/Account/Login")
            .AddPageApplicationModelConvention("/Account/Login", m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.Login)));
        o.Conventions.AddFolderApplicationModelConvention("/Public",
            m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute { PolicyName = PublicSiteCache.Policy }));
    })
    .AddMvcOptions(ChineseModelBinding.Apply);
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi("v1");
builder.Services.AddEcoEnforceHealthChecks();
builder.Services.AddEcoEnforceTelemetry(builder.Configuration);
builder.Services.AddAntiforgery(o => o.Cookie.Name = "EcoEnforce.Antiforgery");
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = UploadLimits.MaxBytes);
builder.Services.AddHj212Receiver(builder.Configuration);
builder.Services.AddEcoEnforceRateLimits(builder.Configuration);
builder.Services.AddEcoEnforceForwardedHeaders(builder.Configuration);
builder.Services.AddHostedService<LeadScanService>();
builder.Services.AddHostedService<ReadingCompactionService>();
builder.Services.AddSingleton<RiskModelCache>();
builder.WebHost.ConfigureKestrel((context, kestrel) =>
{
    kestrel.Limits.MaxRequestBodySize = UploadLimits.MaxBytes + 64 * 1024;
    // HTTP comes from Kestrel:Endpoints (appsettings.json); the data loggers' TCP port from Receiver.
    kestrel.ListenHj212(context.Configuration.GetSection(ReceiverOptions.Section).Get<ReceiverOptions>() ?? new ReceiverOptions());
});

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(null, CancellationToken.None);
}

// First, so that everything after (headers, request log, rate limits, /metrics) sees the client's address, not nginx's.
app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseEcoEnforceRequestLogging();
// API callers get ProblemDetails for unhandled errors; people get the Chinese error page.
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseExceptionHandler());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseExceptionHandler("/Error"));
// Empty error responses become ProblemDetails for the API and a Chinese page for people.
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/Error/{0}"));
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
// After the rate limiter, so a cached answer still counts against the visitor's budget.
app.UseOutputCache();
app.UseAntiforgery();
app.UseApiAntiforgeryForCookies();

app.MapEcoEnforceHealth();
app.MapEcoEnforceMetrics();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapRazorPages();
app.MapEcoEnforceApi();
app.MapPublicData();

app.Run();

public partial class Program;
