using System;
using System.Runtime.InteropServices;

namespace FuseWire.Interop;

/// <summary><c>struct msghdr</c> on 64-bit Linux (56 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MsgHdr
{
    internal void* Name;
    internal uint NameLength;
    internal IoVec* Iov;
    internal nuint IovLength;
    internal void* Control;
    internal nuint ControlLength;
    internal int Flags;
}
