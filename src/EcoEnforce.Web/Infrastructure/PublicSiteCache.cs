using Microsoft.AspNetCore.OutputCaching;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>The public site's pages and open-data files are the same for every visitor and are what a crowd reads
/// after a news item, so each answer is kept for <c>PublicSite:CacheSeconds</c> (default 30) per URL. Publishing a plan
/// or moving a disclosure (approve, withdraw, correct) empties this node's cache at once; another node catches up
/// within the lifetime. Signed-in requests are never served from or stored in it.</summary>
public static class PublicSiteCache
{
    public const string Policy = "public-site";
    private const string Tag = "public-site";

    public static IServiceCollection AddPublicSiteCache(this IServiceCollection services, IConfiguration config)
    {
        var seconds = config.GetValue("PublicSite:CacheSeconds", 30);
        return services.AddOutputCache(o => o.AddPolicy(Policy, b => b.Expire(TimeSpan.FromSeconds(seconds)).SetVaryByQuery("*").Tag(Tag)
            .With(c => seconds > 0)));
    }

    /// <summary>After anything the public site shows has changed.</summary>
    public static Task EvictAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag, context.RequestAborted).AsTask();
}
