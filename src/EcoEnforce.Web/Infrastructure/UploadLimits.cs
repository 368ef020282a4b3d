namespace EcoEnforce.Web.Infrastructure;

public static class UploadLimits
{
    /// <summary>Largest accepted upload. A registry of several thousand rows is well under 1 MB.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
