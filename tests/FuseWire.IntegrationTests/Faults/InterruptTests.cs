using System;
using System.IO;
using Xunit;

namespace FuseWire.IntegrationTests.Faults;

/// <summary>
/// A request whose caller is signalled: the kernel sends FUSE_INTERRUPT, the session cancels the handler's
/// <see cref="Sessions.FuseReplySink.CancellationToken"/>, the handler answers, and the caller sees EINTR or the full result.
/// </summary>
public sealed class InterruptTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public void A_lookup_whose_caller_is_SIGKILLed_is_interrupted_and_the_mount_keeps_working()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        FaultFileSystem faults = new();
        using MemFsMount fs = new(fileSystem: faults);
        File.WriteAllText(fs.PathOf("plain"), "still here");

        faults.BlockNextLookup();
        using (Child stat = Child.Start("stat", [fs.PathOf(FaultFileSystem.EintrPrefix + "killed")]))
        {
            Assert.True(faults.LookupBlocked.Wait(Deadline), "the LOOKUP never reached the file system");
            stat.Signal("KILL");

            // A fatal signal: the kernel sends FUSE_INTERRUPT, then waits (unkillably) for the answer before the process can go.
            Assert.True(stat.WaitForExit(Deadline), "stat did not die");
            Assert.Equal(128 + 9, stat.ExitCode);
        }

        Assert.Equal(1, faults.InterruptedLookups);
        Assert.Equal(0, faults.TimedOutLookups);
        Assert.Equal("still here", Shell.Check("cat", [fs.PathOf("plain")]));
        File.WriteAllText(fs.PathOf("new"), "after");
        Assert.Equal("after", File.ReadAllText(fs.PathOf("new")));
        fs.AssertHealthy();
    }

    [SkippableTheory]
    [InlineData(FaultFileSystem.EintrPrefix + "caught", "errno=4")]
    [InlineData(FaultFileSystem.BlockingPrefix + "answered", "size=6")]
    public void A_lookup_whose_caller_catches_a_signal_gets_EINTR_or_the_full_answer(string name, string expected)
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        Skip.IfNot(Shell.Exists("perl"), "perl is not installed");
        FaultFileSystem faults = new(new MemFs.MemFileSystemOptions { EntryTimeout = TimeSpan.Zero, AttributeTimeout = TimeSpan.Zero });
        using MemFsMount fs = new(fileSystem: faults);
        File.WriteAllText(fs.PathOf(name), "exists"); // no entry is cached: perl's stat looks the name up again

        // Perl's handlers are installed without SA_RESTART; its stat(2) is made once and its errno reported.
        faults.BlockNextLookup();
        const string script = "$SIG{USR1} = sub {}; my @s = stat($ARGV[0]); print @s ? \"size=$s[7]\\n\" : 'errno=' . ($! + 0) . \"\\n\";";
        using (Child perl = Child.Start("perl", ["-e", script, fs.PathOf(name)]))
        {
            Assert.True(faults.LookupBlocked.Wait(Deadline), "the LOOKUP never reached the file system");
            perl.Signal("USR1");

            Assert.True(perl.WaitForExit(Deadline), "perl did not finish");
            Assert.Equal(0, perl.ExitCode);
            Assert.Equal(expected, perl.StandardOutput.Trim());
        }

        Assert.Equal(1, faults.InterruptedLookups);
        Assert.Equal(0, faults.TimedOutLookups);
        File.WriteAllText(fs.PathOf("plain"), "after");
        Assert.Equal("after", Shell.Check("cat", [fs.PathOf("plain")]));
        fs.AssertHealthy();
    }
}
