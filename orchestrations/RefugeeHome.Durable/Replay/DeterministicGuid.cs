using System.Security.Cryptography;
using System.Text;

namespace RefugeeHome.Durable.Replay;

/// <summary>Name-based GUIDs (RFC 4122 version 5): the same name always gives the same GUID.</summary>
internal static class DeterministicGuid
{
    // A fixed namespace of this runtime, so its GUIDs do not collide with other v5 GUIDs of the same names.
    private static readonly byte[] Namespace = new Guid("8a5c1f0e-7b9d-4a2e-9c3b-2d4e6f8a0b1c").ToByteArray(bigEndian: true);

    public static Guid Create(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[Namespace.Length + nameBytes.Length];
        Namespace.CopyTo(buffer, 0);
        nameBytes.CopyTo(buffer, Namespace.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 prescribes for version 5 GUIDs; it protects nothing here.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
