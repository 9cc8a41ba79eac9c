using Microsoft.AspNetCore.Http;

namespace RefugeeHome.Triggers.Limits;

/// <summary>Which client a request comes from, for its limits: never a value the client itself could choose.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The last entry of <see cref="RequestLimits.ClientAddressHeader"/> when the platform's front end writes one (the
    /// entries before it are what the client sent), else the connection's address.
    /// </summary>
    public static string Of(HttpContext context, RequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.ClientAddressHeader is { Length: > 0 } header && context.Request.Headers[header].ToString() is { Length: > 0 } forwarded)
        {
            return forwarded.Split(',')[^1].Trim();
        }

        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
