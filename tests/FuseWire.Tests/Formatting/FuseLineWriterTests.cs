using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using FuseWire.Tests.Abi;
using FuseWire.Abi;
using FuseWire.Formatting;
using Xunit;

namespace FuseWire.Tests.Formatting;

/// <summary>The value renderings the formatter builds on: octal modes, times, previews, flag names.</summary>
public sealed class FuseLineWriterTests
{
    [Theory]
    [InlineData(0u, "m=0")]
    [InlineData(1u, "m=01")]
    [InlineData(0x12u, "m=022")]
    [InlineData(0x81a4u, "m=0100644")]
    [InlineData(uint.MaxValue, "m=037777777777")]
    public void Octal_has_a_leading_zero(uint value, string expected)
    {
        FuseLineWriter w = new();
        w.Octal("m", value);
        Assert.Equal(expected, w.ToString());
    }

    [Fact]
    public void Time_is_seconds_dot_nine_digit_nanoseconds()
    {
        FuseLineWriter w = new();
        w.Time("t", 1, 5);
        w.Time("u", -2, 999_999_999);
        Assert.Equal("t=1.000000005 u=-2.999999999", w.ToString());
    }

    [Fact]
    public void Preview_quotes_up_to_32_bytes_and_sizes_longer_data()
    {
        FuseLineWriter w = new();
        w.Preview("a", new byte[FuseLineWriter.PreviewLimit]);
        w.Preview("b", new byte[FuseLineWriter.PreviewLimit + 1]);
        string text = w.ToString();

        Assert.StartsWith("a=\"" + string.Concat(System.Linq.Enumerable.Repeat("\\x00", 32)) + "\" ", text, StringComparison.Ordinal);
        Assert.EndsWith(" b=<33 bytes>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_and_lists_nest_without_stray_spaces()
    {
        FuseLineWriter w = new();
        w.Word("X");
        w.BeginGroup("g");
        w.Field("a", 1);
        w.BeginList("l");
        w.Item(2);
        w.Item(3);
        w.EndList();
        w.EndGroup();
        w.Field("b", 4);
        Assert.Equal("X g={a=1 l=[2 3]} b=4", w.ToString());
    }

    [Fact]
    public void Zero_flags_render_as_zero()
    {
        FuseLineWriter w = new();
        w.Flags("f", 0, FuseFlagTable.Fopen);
        Assert.Equal("f=0", w.ToString());
    }

    [Theory]
    [InlineData(typeof(FuseInitFlags), "FUSE_")]
    [InlineData(typeof(FopenFlags), "FOPEN_")]
    [InlineData(typeof(FattrFlags), "FATTR_")]
    [InlineData(typeof(RenameFlags), "RENAME_")]
    [InlineData(typeof(FuseReleaseFlags), "FUSE_RELEASE_")]
    [InlineData(typeof(FuseFsyncFlags), "FUSE_FSYNC_")]
    [InlineData(typeof(FuseGetattrFlags), "FUSE_GETATTR_")]
    [InlineData(typeof(FuseReadFlags), "FUSE_READ_")]
    [InlineData(typeof(FuseWriteFlags), "FUSE_WRITE_")]
    [InlineData(typeof(FuseLkFlags), "FUSE_LK_")]
    [InlineData(typeof(FuseIoctlFlags), "FUSE_IOCTL_")]
    [InlineData(typeof(FusePollFlags), "FUSE_POLL_")]
    [InlineData(typeof(FuseSetxattrFlags), "FUSE_SETXATTR_")]
    [InlineData(typeof(FuseSetupmappingFlags), "FUSE_SETUPMAPPING_FLAG_")]
    [InlineData(typeof(FuseExpireFlags), "FUSE_")]
    [InlineData(typeof(FuseOpenInFlags), "FUSE_OPEN_")]
    [InlineData(typeof(FuseAttrFlags), "FUSE_ATTR_")]
    [InlineData(typeof(CuseInitFlags), "CUSE_")]
    public void Every_bit_of_each_flag_enum_renders_as_its_documented_kernel_name(Type flagEnum, string prefix)
    {
        FuseFlagTable table = TableFor(flagEnum);
        foreach (FieldInfo field in flagEnum.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            ulong bit = Convert.ToUInt64(field.GetValue(null), CultureInfo.InvariantCulture);
            if (bit == 0)
            {
                continue;
            }

            // Aliases (FUSE_DIRECT_IO_RELAX, FUSE_WRITE_KILL_PRIV) share a bit: the table may name any member with that value.
            string[] accepted = [.. flagEnum.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => Convert.ToUInt64(f.GetValue(null), CultureInfo.InvariantCulture) == bit)
                .Select(f => AbiDocumentation.KernelName(f) ?? throw new InvalidOperationException(f.Name + " documents no kernel name."))
                .Select(k => "f=" + (k.StartsWith(prefix, StringComparison.Ordinal) ? k[prefix.Length..] : "<" + k + " lacks " + prefix + ">"))];
            FuseLineWriter w = new();
            w.Flags("f", bit, table);

            Assert.Contains(w.ToString(), accepted);
        }
    }

    private static FuseFlagTable TableFor(Type flagEnum) => flagEnum.Name switch
    {
        nameof(FuseInitFlags) => FuseFlagTable.Init,
        nameof(FopenFlags) => FuseFlagTable.Fopen,
        nameof(FattrFlags) => FuseFlagTable.Fattr,
        nameof(RenameFlags) => FuseFlagTable.Rename,
        nameof(FuseReleaseFlags) => FuseFlagTable.Release,
        nameof(FuseFsyncFlags) => FuseFlagTable.Fsync,
        nameof(FuseGetattrFlags) => FuseFlagTable.Getattr,
        nameof(FuseReadFlags) => FuseFlagTable.Read,
        nameof(FuseWriteFlags) => FuseFlagTable.Write,
        nameof(FuseLkFlags) => FuseFlagTable.Lk,
        nameof(FuseIoctlFlags) => FuseFlagTable.Ioctl,
        nameof(FusePollFlags) => FuseFlagTable.Poll,
        nameof(FuseSetxattrFlags) => FuseFlagTable.Setxattr,
        nameof(FuseSetupmappingFlags) => FuseFlagTable.Setupmapping,
        nameof(FuseExpireFlags) => FuseFlagTable.Expire,
        nameof(FuseOpenInFlags) => FuseFlagTable.OpenIn,
        nameof(FuseAttrFlags) => FuseFlagTable.Attr,
        nameof(CuseInitFlags) => FuseFlagTable.Cuse,
        _ => throw new ArgumentOutOfRangeException(nameof(flagEnum), flagEnum, "No table."),
    };
}
