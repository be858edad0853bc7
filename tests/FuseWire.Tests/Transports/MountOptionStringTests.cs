using System;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Transports;

public class MountOptionStringTests
{
    [Fact]
    public void Default_kernel_options_carry_fd_octal_rootmode_and_ids()
    {
        Assert.Equal("fd=7,rootmode=40755,user_id=1000,group_id=100", FuseMount.KernelOptions(7, new FuseMountOptions(), 1000, 100));
        Assert.Equal("fuse", FuseMount.FileSystemType(new FuseMountOptions()));
    }

    [Fact]
    public void Every_option_is_rendered_in_order_with_extras_last()
    {
        FuseMountOptions options = new()
        {
            AllowOther = true,
            DefaultPermissions = true,
            MaxRead = 65536,
            RootMode = 0x4000 | 0x1C0,
            Subtype = "demo",
            ExtraOptions = "blksize=4096",
        };

        Assert.Equal("fd=3,rootmode=40700,user_id=0,group_id=0,allow_other,default_permissions,max_read=65536,blksize=4096", FuseMount.KernelOptions(3, options, 0, 0));
        Assert.Equal("fuse.demo", FuseMount.FileSystemType(options));
    }

    [Fact]
    public void Fusermount_options_name_the_source_and_subtype_and_escape_commas()
    {
        FuseMountOptions options = new() { FsName = @"a,b\c", Subtype = "demo", ReadOnly = true, AllowOther = true };

        Assert.Equal(@"ro,nosuid,nodev,fsname=a\,b\\c,subtype=demo,allow_other", FuseMount.FusermountOptions(options));
        Assert.Equal("rw,nosuid,nodev,fsname=fusewire", FuseMount.FusermountOptions(new FuseMountOptions()));
    }

    [Fact]
    public void Auto_unmount_is_a_fusermount3_option_the_kernel_never_sees()
    {
        FuseMountOptions options = new() { FsName = "memfs", AutoUnmount = true, DefaultPermissions = true };

        Assert.Equal("rw,nosuid,nodev,fsname=memfs,auto_unmount,default_permissions", FuseMount.FusermountOptions(options));
        Assert.Equal("fd=4,rootmode=40755,user_id=0,group_id=0,default_permissions", FuseMount.KernelOptions(4, options, 0, 0));
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("a.b")]
    [InlineData("a b")]
    public void A_subtype_that_would_break_the_type_name_is_refused(string subtype)
    {
        Assert.Throws<ArgumentException>(() => FuseMount.Mount("/", new FuseMountOptions { Subtype = subtype }));
    }

    [Fact]
    public void A_root_mode_without_a_file_type_is_refused() =>
        Assert.Throws<ArgumentException>(() => FuseMount.Mount("/", new FuseMountOptions { RootMode = 0x1ED }));
}
