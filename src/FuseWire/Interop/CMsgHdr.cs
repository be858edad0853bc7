using System;
using System.Runtime.InteropServices;

namespace FuseWire.Interop;

/// <summary><c>struct cmsghdr</c> on 64-bit Linux (16 bytes; the data follows, 8-aligned).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CMsgHdr
{
    internal const int StructSize = 16;

    /// <summary><c>CMSG_SPACE(sizeof(int))</c>: one header plus one descriptor, padded to 8.</summary>
    internal const int SpaceForOneFd = 24;

    /// <summary><c>CMSG_LEN(sizeof(int))</c>.</summary>
    internal const int LengthForOneFd = StructSize + sizeof(int);

    internal nuint Length;
    internal int Level;
    internal int Type;
}
