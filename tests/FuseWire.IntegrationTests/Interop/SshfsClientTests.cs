using System;
using System.Threading.Tasks;
using Xunit;

namespace FuseWire.IntegrationTests.Interop;

/// <summary>
/// The kernel-side client against Debian's sshfs (libfuse3's high-level API, multi-threaded loop) serving a real directory
/// through a local sftp-server: node ids and inode numbers are libfuse's own, xattrs are not implemented.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class SshfsClientTests : InteropClientTests
{
    // libfuse's high-level READDIRPLUS gives node id 0 (no lookup taken) for entries whose attributes the file system did not fill.
    protected override DaemonTraits Traits { get; } = new(RealInodes: false, ReaddirplusNodeIds: false);

    [SkippableFact]
    public Task Xattr_requests_are_answered_enosys() => Run(InteropScenarios.XattrsUnsupported);

    [SkippableFact]
    public Task Destroy_is_answered_and_sshfs_exits_at_end_of_file() =>
        Run(async c =>
        {
            await c.Client.DestroyAsync(c.Token);
            await c.DisposeAsync();
            Assert.True(c.Daemon.WaitForExit(TimeSpan.FromSeconds(10)), "sshfs did not exit after DESTROY and end-of-file");
        });

    protected override Task Run(Func<InteropConnection, Task> body)
    {
        Skip.If(InteropDaemons.SshfsSkipReason is not null, InteropDaemons.SshfsSkipReason);
        return InteropConnection.RunAsync(InteropDaemons.StartSshfs, null, body);
    }
}
