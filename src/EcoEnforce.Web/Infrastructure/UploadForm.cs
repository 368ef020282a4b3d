using Microsoft.AspNetCore.Antiforgery;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>Reads a file upload's form within the size limit, then checks its antiforgery token. The form is read by
/// hand (the pages switch off automatic validation) so that an oversized file gets a clear Chinese message rather than
/// a reset connection.</summary>
public static class UploadForm
{
    public sealed record Outcome(IFormCollection? Form, string? Error, bool Forged);

    public static async Task<Outcome> ReadAsync(HttpContext http, IAntiforgery antiforgery, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return new(null, $"文件过大（上限 {UploadLimits.MaxBytes / 1024 / 1024} MB），请分批导入", false);
        }
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return new(null, null, true);
        }
        return new(form, null, false);
    }
}
