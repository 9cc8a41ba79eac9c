using System.ComponentModel.DataAnnotations;

namespace RefugeeHome.Triggers.Limits;

/// <summary>
/// What one client may ask of the public pages and endpoints, and how large a request may be (<c>Limits__*</c>). The
/// forms are public and the data is refugees' and children's, so every limit is checked before any work is done.
/// </summary>
public sealed class RequestLimits
{
    /// <summary>The settings section.</summary>
    public const string Section = "Limits";

    /// <summary>The largest body of a form or JSON request, in bytes; a VOG upload has its own limit.</summary>
    [Range(4_096, 10_485_760)]
    public long MaxBodyBytes { get; set; } = 262_144;

    /// <summary>The most fields a form may have.</summary>
    [Range(10, 1_024)]
    public int MaxFormFields { get; set; } = 200;

    /// <summary>The longest value of a form field, in characters.</summary>
    [Range(100, 1_048_576)]
    public int MaxFieldChars { get; set; } = 20_000;

    /// <summary>How many host registrations one client may send in <see cref="RegistrationWindow"/>.</summary>
    [Range(1, 100_000)]
    public int RegistrationsPerClient { get; set; } = 10;

    /// <summary>The window of <see cref="RegistrationsPerClient"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RegistrationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many forms and JSON requests one client may send a minute.</summary>
    [Range(1, 100_000)]
    public int PostsPerClientPerMinute { get; set; } = 60;

    /// <summary>How many pages one client may open a minute.</summary>
    [Range(1, 100_000)]
    public int PagesPerClientPerMinute { get; set; } = 300;

    /// <summary>
    /// The header the platform's front end writes the client's address to (<c>X-Forwarded-For</c> on App Service);
    /// its last entry is the one the front end added. Empty: the connection's own address, as on the local runner.
    /// </summary>
    public string? ClientAddressHeader { get; set; }
}
