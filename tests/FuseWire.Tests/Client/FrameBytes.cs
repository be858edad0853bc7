using System.Runtime.InteropServices;

namespace FuseWire.Tests.Client;

/// <summary>Sets a hand-made frame's len to its length.</summary>
internal static class FrameBytes
{
    public static byte[] WithLength(this byte[] frame)
    {
        MemoryMarshal.Write(frame, (uint)frame.Length);
        return frame;
    }
}
