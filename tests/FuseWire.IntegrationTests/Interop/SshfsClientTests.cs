using System;
using System.Threading.Tasks;
using Xunit;

namespace FuseWire.IntegrationTests.Interop;

/// <summary>
/// The kernel-side client against Debian's sshfs (libfuse3's high-level API, multi-threaded loop) serving a real directory
/// through a local sftp-server: node ids and inode numbers are libfuse's own, xattrs are not implemented.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class SshfsClientTests
{
    // libfuse's high-level READDIRPLUS gives node id 0 (no lookup taken) for entries whose attributes the file system did not fill.
    private static readonly DaemonTraits Traits = new(RealInodes: false, ReaddirplusNodeIds: false);

    [SkippableFact]
    public Task Init_takes_the_daemons_minor() => Run(InteropScenarios.Init);

    [SkippableFact]
    public Task Files_read_write_create_and_unlink_the_real_files() => Run(c => InteropScenarios.Files(c, Traits));

    [SkippableFact]
    public Task Directories_list_rename_and_remove_the_real_entries() => Run(c => InteropScenarios.Directories(c, Traits));

    [SkippableFact]
    public Task Requests_in_flight_together_each_get_their_reply() => Run(InteropScenarios.Concurrent);

    [SkippableFact]
    public Task Setattr_truncates_chmods_and_sets_mtime() => Run(InteropScenarios.SetAttr);

    [SkippableFact]
    public Task Symlinks_are_made_and_read() => Run(InteropScenarios.Symlinks);

    [SkippableFact]
    public Task Xattr_requests_are_answered_enosys() => Run(InteropScenarios.XattrsUnsupported);

    [SkippableFact]
    public Task Statfs_is_the_real_file_systems() => Run(InteropScenarios.StatFs);

    [SkippableFact]
    public Task Destroy_is_answered_and_sshfs_exits_at_end_of_file() =>
        Run(async c =>
        {
            await c.Client.DestroyAsync(c.Token);
            await c.DisposeAsync();
            Assert.True(c.Daemon.WaitForExit(TimeSpan.FromSeconds(10)), "sshfs did not exit after DESTROY and end-of-file");
        });

    private static Task Run(Func<InteropConnection, Task> body)
    {
        Skip.If(InteropDaemons.SshfsSkipReason is not null, InteropDaemons.SshfsSkipReason);
        return InteropConnection.RunAsync(InteropDaemons.StartSshfs, null, body);
    }
}
