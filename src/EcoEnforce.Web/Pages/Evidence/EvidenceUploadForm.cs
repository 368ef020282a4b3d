namespace EcoEnforce.Web.Pages.Evidence;

/// <summary>The model of the _EvidenceUpload partial: what the file is attached to (exactly one of the two ids) and the
/// local page to return to after the upload.</summary>
public sealed record EvidenceUploadForm(int? TaskId, int? ProblemId, string ReturnUrl);
