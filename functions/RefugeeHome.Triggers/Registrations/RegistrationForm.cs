using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Triggers.Registrations;

/// <summary>Who a registration form registers.</summary>
public enum RegistrationKind
{
    /// <summary>A host household, registering itself.</summary>
    Host,

    /// <summary>A guest household, registered by its municipality's caseworker.</summary>
    Guest,
}

/// <summary>A registration form: whom it registers, its submission id (sending it twice registers once) and what it shows again.</summary>
public sealed record RegistrationForm(RegistrationKind Kind, string SubmissionId, FormState Form, IReadOnlyList<string> Municipalities)
{
    /// <summary>The key of the form's title.</summary>
    public string TitleKey => Kind == RegistrationKind.Host ? "hostTitle" : "guestTitle";
}
