using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Transports;

public class MountInfoEntryTests
{
    [Theory]
    [InlineData(@"/tmp/with\040space", "/tmp/with space")]
    [InlineData(@"/tmp/tab\011and\012newline", "/tmp/tab\tand\nnewline")]
    [InlineData(@"/tmp/back\134slash", @"/tmp/back\slash")]
    [InlineData(@"/plain", "/plain")]
    [InlineData(@"/not\04escape", @"/not\04escape")]
    [InlineData(@"/trailing\", @"/trailing\")]
    [InlineData(@"/\303\251t\303\251", "/été")]
    public void Unescape_decodes_the_kernels_octal_escapes(string field, string expected) =>
        Assert.Equal(expected, MountInfoEntry.Unescape(field));

    [Fact]
    public void A_line_with_optional_fields_gives_mount_point_type_and_source()
    {
        const string line = @"36 35 0:42 / /mnt/fuse\040dir rw,nosuid,nodev,relatime shared:1 master:2 - fuse.sshfs me@host:/x\040y rw,user_id=0,group_id=0";

        Assert.True(MountInfoEntry.TryParse(line, out MountInfoEntry entry));
        Assert.Equal("/mnt/fuse dir", entry.MountPoint);
        Assert.Equal("fuse.sshfs", entry.FileSystemType);
        Assert.Equal("me@host:/x y", entry.Source);
    }

    [Fact]
    public void A_line_without_optional_fields_parses()
    {
        Assert.True(MountInfoEntry.TryParse("25 1 8:1 / / rw - ext4 /dev/sda1 rw", out MountInfoEntry entry));
        Assert.Equal("/", entry.MountPoint);
        Assert.Equal("ext4", entry.FileSystemType);
        Assert.Equal("/dev/sda1", entry.Source);
    }

    [Theory]
    [InlineData("")]
    [InlineData("25 1 8:1 / / rw ext4 /dev/sda1 rw")]
    [InlineData("25 1 8:1 / / rw -")]
    public void Malformed_lines_are_refused_and_skipped(string line)
    {
        Assert.False(MountInfoEntry.TryParse(line, out _));
        Assert.Single(MountInfoEntry.ParseAll(line + "\n25 1 8:1 / / rw - ext4 /dev/sda1 rw\n"));
    }

    [Fact]
    public void The_root_is_always_a_mount_point_and_a_fresh_directory_is_not()
    {
        Assert.True(FuseMount.IsMountPoint("/"));
        string directory = System.IO.Directory.CreateTempSubdirectory("fusewire-plain-").FullName;
        try
        {
            Assert.False(FuseMount.IsMountPoint(directory));
        }
        finally
        {
            System.IO.Directory.Delete(directory);
        }
    }
}
