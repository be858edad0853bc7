using System;
using System.Threading.Tasks;
using Xunit;

namespace FuseWire.IntegrationTests.Interop;

/// <summary>
/// The scenarios every libfuse daemon is driven through by the kernel-side client; each daemon's class says how to start it
/// (<see cref="Run"/>) and what it does differently (<see cref="Traits"/>), and adds what only it can show.
/// </summary>
public abstract class InteropClientTests
{
    /// <summary>What this daemon does differently from a plain passthrough.</summary>
    protected abstract DaemonTraits Traits { get; }

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
    public Task Statfs_is_the_real_file_systems() => Run(InteropScenarios.StatFs);

    /// <summary>Starts this daemon on a fresh source directory, connects the client, runs <paramref name="body"/>, and stops
    /// everything (skips when the daemon is not installed).</summary>
    protected abstract Task Run(Func<InteropConnection, Task> body);
}
