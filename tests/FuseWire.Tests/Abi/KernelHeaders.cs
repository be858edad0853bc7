using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FuseWire.Tests.Abi;

/// <summary>
/// The local kernel UAPI headers the ABI is checked against: <c>linux/fuse.h</c> (required; protocol 7.38 on Debian 12's
/// linux-libc-dev) and, when present, <c>linux/fs.h</c> (RENAME_*) and <c>linux/limits.h</c> (NAME_MAX, PATH_MAX).
/// </summary>
internal static class KernelHeaders
{
    /// <summary>The FUSE header the C program includes as <c>&lt;linux/fuse.h&gt;</c>.</summary>
    public const string FuseHeaderPath = "/usr/include/linux/fuse.h";

    private static readonly Lazy<CHeader> LazyFuse = new(LoadFuse);
    private static readonly Lazy<IReadOnlyList<(string Include, CHeader Header)>> LazyExtras = new(LoadExtras);

    /// <summary>The parsed <c>linux/fuse.h</c>; throws with a clear message when it is missing.</summary>
    public static CHeader Fuse => LazyFuse.Value;

    /// <summary>The protocol minor version of the local header (FUSE_KERNEL_MINOR_VERSION).</summary>
    public static int FuseMinor => Fuse.MinorVersion
        ?? throw new InvalidOperationException($"{FuseHeaderPath} has no numeric FUSE_KERNEL_MINOR_VERSION.");

    /// <summary>The other headers that exist, with the name to <c>#include</c> them by.</summary>
    public static IReadOnlyList<(string Include, CHeader Header)> Extras => LazyExtras.Value;

    /// <summary>Whether any of the headers gives <paramref name="name"/> as a C value (macro or enumerator).</summary>
    public static bool DefinesValue(string name) => Fuse.DefinesValue(name) || Extras.Any(e => e.Header.DefinesValue(name));

    /// <summary>Whether any of the headers declares <paramref name="name"/> (macro of any kind, enumerator or struct).</summary>
    public static bool Declares(string name) => Fuse.Declares(name) || Extras.Any(e => e.Header.Declares(name));

    private static CHeader LoadFuse()
    {
        if (!File.Exists(FuseHeaderPath))
        {
            throw new FileNotFoundException(
                $"{FuseHeaderPath} is missing: the ABI layout tests compare FuseWire's structs with the kernel's UAPI header. "
                + "Install it (Debian: apt-get install linux-libc-dev).",
                FuseHeaderPath);
        }

        return CHeader.Load(FuseHeaderPath);
    }

    private static List<(string Include, CHeader Header)> LoadExtras()
    {
        var extras = new List<(string Include, CHeader Header)>();
        foreach (string include in new[] { "linux/fs.h", "linux/limits.h" })
        {
            string path = "/usr/include/" + include;
            if (File.Exists(path))
            {
                extras.Add((include, CHeader.Load(path)));
            }
        }

        return extras;
    }
}
