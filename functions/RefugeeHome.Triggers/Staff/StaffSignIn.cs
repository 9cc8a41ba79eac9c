using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace RefugeeHome.Triggers.Staff;

/// <summary>
/// Who the staff member of a request is. In Azure, App Service authentication signs staff in with Entra ID before a
/// request reaches the app and passes the principal in <c>X-MS-CLIENT-PRINCIPAL</c>, a header it strips from what clients
/// send; both hosts read it here, so the runner and the Functions app need no authentication middleware of their own.
/// Locally, a development sign-in keeps the chosen role in a protected cookie.
/// </summary>
public sealed class StaffSignIn(StaffOptions options, IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>The development sign-in's cookie.</summary>
    public const string Cookie = "rh-staff";

    private const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    // A member holding several app roles works in the one that sees most.
    private static readonly StaffRole[] RolePreference =
        [StaffRole.Coordinator, StaffRole.Screener, StaffRole.Matcher, StaffRole.Connector, StaffRole.Supporter, StaffRole.Caseworker];

    private readonly ITimeLimitedDataProtector _cookie = protection.CreateProtector("RefugeeHome.Staff.DevelopmentSignIn").ToTimeLimitedDataProtector();

    /// <summary>How staff sign in here.</summary>
    public StaffSignInMode Mode => options.SignIn;

    /// <summary>The staff member signed in on <paramref name="context"/>, or null.</summary>
    public StaffMember? Identify(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return options.SignIn switch
        {
            StaffSignInMode.AppService => FromPrincipal(context.Request.Headers[PrincipalHeader].ToString()),
            StaffSignInMode.Development => FromCookie(context.Request.Cookies[Cookie]),
            _ => null,
        };
    }

    /// <summary>Signs <paramref name="member"/> in with the development sign-in.</summary>
    public void SignInForDevelopment(HttpContext context, StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.SignIn != StaffSignInMode.Development)
        {
            throw new InvalidOperationException("The development sign-in is off.");
        }

        var payload = JsonSerializer.Serialize(member);
        context.Response.Cookies.Append(Cookie, _cookie.Protect(payload, clock.GetUtcNow() + options.DevelopmentSignInLasts), CookieOptions(context));
    }

    /// <summary>Ends the development sign-in.</summary>
    public void SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.SignIn != StaffSignInMode.Development)
        {
            return;
        }

        context.Response.Cookies.Delete(Cookie, CookieOptions(context));
    }

    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        IsEssential = true,
        Path = "/",
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
    };

    private StaffMember? FromCookie(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StaffMember>(_cookie.Unprotect(cookie, out _));
        }
        catch (CryptographicException)
        {
            // Expired, or protected with a key this host no longer has: signed out.
            return null;
        }
    }

    private static StaffMember? FromPrincipal(string header)
    {
        if (header.Length == 0)
        {
            return null;
        }

        ClientPrincipal? principal;
        try
        {
            principal = JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }

        var claims = principal?.Claims ?? [];
        string? Claim(params string[] types) => claims.FirstOrDefault(claim => types.Contains(claim.Type, StringComparer.Ordinal))?.Value;
        var roleTypes = new[] { "roles", principal?.RoleType ?? "roles" };
        var roles = claims.Where(claim => roleTypes.Contains(claim.Type, StringComparer.Ordinal))
            .Select(claim => StaffMember.Codes.Parse(claim.Value)).OfType<StaffRole>().ToHashSet();
        var role = RolePreference.Cast<StaffRole?>().FirstOrDefault(candidate => roles.Contains(candidate!.Value));
        var email = Claim("preferred_username", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "email");
        if (role is null || email is null)
        {
            return null;
        }

        return new StaffMember(Claim("name", principal?.NameType ?? "name") ?? email, email, role.Value);
    }

    private sealed record ClientPrincipal(
        [property: System.Text.Json.Serialization.JsonPropertyName("claims")] IReadOnlyList<PrincipalClaim>? Claims,
        [property: System.Text.Json.Serialization.JsonPropertyName("name_typ")] string? NameType,
        [property: System.Text.Json.Serialization.JsonPropertyName("role_typ")] string? RoleType);

    private sealed record PrincipalClaim(
        [property: System.Text.Json.Serialization.JsonPropertyName("typ")] string Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("val")] string Value);
}
