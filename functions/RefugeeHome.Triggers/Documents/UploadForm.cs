using RefugeeHome.Approvals;
using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Triggers.Documents;

/// <summary>An open upload link's form, with the problem of the file sent before, if any.</summary>
public sealed record UploadForm(ApprovalLink Link, FormState Form)
{
    /// <summary>The form name of the file.</summary>
    public const string FileField = "document";
}
