using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Xunit;

namespace FuseWire.IntegrationTests;

/// <summary>Extended attributes through setfattr/getfattr (package attr) and the raw xattr(7) calls.</summary>
[Collection(MemFsCollection.Name)]
public sealed class XattrTests(MemFsFixture fixture)
{
    private const int ENODATA = 61;
    private const int EEXIST = 17;
    private const int ERANGE = 34;
    private readonly MemFsMount _fs = fixture.Mount;

    [SkippableFact]
    public void Setfattr_and_getfattr_set_list_and_remove()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        Skip.IfNot(Shell.Exists("setfattr"), "setfattr/getfattr (Debian package attr) are not installed");
        string file = Path.Combine(_fs.NewDirectory("xattr"), "f");
        File.WriteAllText(file, "x");

        Shell.Check("setfattr", ["-n", "user.color", "-v", "blue", file]);
        Shell.Check("setfattr", ["-n", "user.shape", "-v", "round", file]);
        Assert.Equal("blue", Shell.Check("getfattr", ["-n", "user.color", "--only-values", file]));
        string dump = Shell.Check("getfattr", ["-d", file]);
        Assert.Contains("user.color=\"blue\"", dump, StringComparison.Ordinal);
        Assert.Contains("user.shape=\"round\"", dump, StringComparison.Ordinal);

        Shell.Check("setfattr", ["-x", "user.color", file]);
        ShellResult missing = Shell.Run("getfattr", ["-n", "user.color", file]);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("No such attribute", missing.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("user.color", Shell.Check("getfattr", ["-d", file]), StringComparison.Ordinal);
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Xattr_calls_honour_create_replace_and_buffer_sizes()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string file = Path.Combine(_fs.NewDirectory("xattr-raw"), "f");
        File.WriteAllText(file, "x");
        byte[] value = "0123456789"u8.ToArray();

        Assert.Equal(ENODATA, SetXattr(file, "user.k", value, NativeMethods.XattrReplace));
        Assert.Equal(0, SetXattr(file, "user.k", value, NativeMethods.XattrCreate));
        Assert.Equal(EEXIST, SetXattr(file, "user.k", "other"u8.ToArray(), NativeMethods.XattrCreate));
        Assert.Equal(0, SetXattr(file, "user.k", "new value!!"u8.ToArray(), NativeMethods.XattrReplace));
        Assert.Equal(0, SetXattr(file, "user.empty", [], 0));

        Assert.Equal(11, NativeMethods.GetXattr(file, "user.k", null, 0)); // size query
        byte[] small = new byte[4];
        Assert.Equal(-1, NativeMethods.GetXattr(file, "user.k", small, (nuint)small.Length));
        Assert.Equal(ERANGE, Marshal.GetLastPInvokeError());
        byte[] buffer = new byte[64];
        nint length = NativeMethods.GetXattr(file, "user.k", buffer, (nuint)buffer.Length);
        Assert.Equal("new value!!", Encoding.UTF8.GetString(buffer, 0, (int)length));
        Assert.Equal(0, NativeMethods.GetXattr(file, "user.empty", buffer, (nuint)buffer.Length));
        Assert.Equal(-1, NativeMethods.GetXattr(file, "user.none", buffer, (nuint)buffer.Length));
        Assert.Equal(ENODATA, Marshal.GetLastPInvokeError());

        nint listSize = NativeMethods.ListXattr(file, null, 0);
        Assert.Equal("user.k\0user.empty\0".Length, listSize);
        Assert.Equal(-1, NativeMethods.ListXattr(file, new byte[3], 3));
        Assert.Equal(ERANGE, Marshal.GetLastPInvokeError());
        byte[] list = new byte[listSize];
        Assert.Equal(listSize, NativeMethods.ListXattr(file, list, (nuint)list.Length));
        Assert.Equal(["user.empty", "user.k"], Encoding.UTF8.GetString(list).Split('\0', StringSplitOptions.RemoveEmptyEntries).Order());
        _fs.AssertHealthy();
    }

    private static int SetXattr(string path, string name, byte[] value, int flags) =>
        NativeMethods.SetXattr(path, name, value, (nuint)value.Length, flags) == 0 ? 0 : Marshal.GetLastPInvokeError();
}
