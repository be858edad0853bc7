using System.Runtime.InteropServices;

namespace FuseWire.IntegrationTests.Interop;

/// <summary>libc calls the interop harness needs.</summary>
internal static partial class InteropNativeMethods
{
    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    public static partial int Dup(int fd);
}
