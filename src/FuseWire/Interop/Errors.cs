using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace FuseWire.Interop;

/// <summary>Builds exceptions from errno values.</summary>
internal static class Errors
{
    /// <summary>An <see cref="IOException"/> naming the call and the errno; its HResult is the errno.</summary>
    /// <param name="call">What failed.</param>
    /// <param name="errno">The positive errno.</param>
    /// <returns>The exception.</returns>
    internal static IOException IO(string call, int errno)
    {
        string name = FuseNames.TryGetErrnoName(errno) ?? "errno";
        string message = string.Create(CultureInfo.InvariantCulture, $"{call} failed: {name} ({errno}): {Marshal.GetPInvokeErrorMessage(errno)}");
        return new IOException(message, errno);
    }
}
