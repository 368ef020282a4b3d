namespace EcoEnforce.Evidence;

public static class EvidenceRules
{
    /// <summary>A phone photo is 2–8 MB and a short video clip fits; longer recordings belong on the case file's disc.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int FileNameMaxLength = 200;
    public const int CaptionMaxLength = 500;

    /// <summary>The last path segment (browsers on Windows once sent the full path), without control characters,
    /// shortened to the limit while keeping the extension, which decides the accepted type.</summary>
    public static string SanitiseFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim().TrimStart('.');
        if (name.Length <= FileNameMaxLength) return name;
        var extension = Path.GetExtension(name);
        if (extension.Length > 20) extension = "";
        return name[..(FileNameMaxLength - extension.Length)] + extension;
    }

    public static string Extension(string fileName) => Path.GetExtension(fileName).ToLowerInvariant();

    public static bool IsInline(string contentType) =>
        contentType.StartsWith("image/", StringComparison.Ordinal) || contentType.StartsWith("audio/", StringComparison.Ordinal)
        || contentType.StartsWith("video/", StringComparison.Ordinal) || contentType == "application/pdf";

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal)
        && contentType is not ("image/heic" or "image/heif"); // most browsers cannot show HEIC, so it is offered as a link
}
