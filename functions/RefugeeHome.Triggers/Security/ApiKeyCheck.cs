using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RefugeeHome.Triggers.Security;

/// <summary>
/// Checks the <c>X-Api-Key</c> header against a configured key in constant time. With no key configured every request
/// is refused: an endpoint is never open by omission.
/// </summary>
public static class ApiKeyCheck
{
    /// <summary>The request header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>True when <paramref name="request"/> carries <paramref name="configuredKey"/>.</summary>
    public static bool IsAuthorized(HttpRequest request, string? configuredKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(configuredKey) || !request.Headers.TryGetValue(Header, out var presented) || presented.Count != 1)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented.ToString())), SHA256.HashData(Encoding.UTF8.GetBytes(configuredKey)));
    }
}
