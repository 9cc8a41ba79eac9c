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
    /// <summary>The staff member who registers a guest household; a caseworker registers under its own address.</summary>
    public Staff.StaffMember? Staff { get; init; }

    /// <summary>The address the registration is fixed to, when a caseworker registers.</summary>
    public string? FixedCaseworkerEmail => Staff?.Role == Triggers.Staff.StaffRole.Caseworker ? Staff.Email : null;

    /// <summary>The key of the form's title.</summary>
    public string TitleKey => Kind == RegistrationKind.Host ? "hostTitle" : "guestTitle";
}

/// <summary>What registering a guest household answers: its id and the number people read.</summary>
/// <param name="Id">The household's id.</param>
/// <param name="CaseNumber">Its case number.</param>
public sealed record GuestReceipt(string Id, string CaseNumber);

/// <summary>The page after a guest household is registered: its case number and the way to its case.</summary>
/// <param name="CaseNumber">The case number.</param>
/// <param name="CaseAddress">The case's page in the console.</param>
/// <param name="Staff">Who registered it.</param>
public sealed record GuestRegistered(string CaseNumber, string CaseAddress, Staff.StaffMember? Staff);
