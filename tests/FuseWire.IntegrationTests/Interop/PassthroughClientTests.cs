using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Client;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.IntegrationTests.Interop;

/// <summary>The kernel-side client against tests/interop/passthrough_ll.c, libfuse3's low-level API, single-threaded.</summary>
[Collection(InteropCollection.Name)]
public sealed class PassthroughClientTests : InteropClientTests
{
    protected override DaemonTraits Traits { get; } = new(RealInodes: true, ReaddirplusNodeIds: true);

    [SkippableFact]
    public Task Xattrs_are_the_real_files_xattrs() => Run(InteropScenarios.Xattrs);

    /// <summary>FORGET and BATCH_FORGET carry exact counts: the daemon reports on DESTROY how many nodes still hold lookups.</summary>
    [SkippableFact]
    public Task Forgets_drop_exactly_the_lookups_they_name_and_destroy_ends_the_session() =>
        Run(async c =>
        {
            File.WriteAllText(c.Source["a"], "a");
            File.WriteAllText(c.Source["b"], "b");
            FuseEntryOut a = await c.Client.LookupAsync(FuseConstants.RootId, "a", c.Token);
            FuseEntryOut again = await c.Client.LookupAsync(FuseConstants.RootId, "a", c.Token);
            FuseEntryOut b = await c.Client.LookupAsync(FuseConstants.RootId, "b", c.Token);
            Assert.Equal(a.NodeId, again.NodeId);
            Assert.NotEqual(a.NodeId, b.NodeId);

            c.Client.Forget(a.NodeId, 1);
            c.Client.BatchForget([new FuseForgetOne { NodeId = b.NodeId, NLookup = 1 }]);
            await c.Client.DestroyAsync(c.Token);
            await WaitForOutput(c.Daemon, "passthrough_ll: destroy, 1 nodes left");

            // The test's end closes after DESTROY: libfuse reads end-of-file (it logs "short read on fuse device", since a
            // socket reads 0 where /dev/fuse would say ENODEV) and its loop ends.
            await c.DisposeAsync();
            Assert.True(c.Daemon.WaitForExit(TimeSpan.FromSeconds(10)), "passthrough_ll did not exit after DESTROY and end-of-file");
        });

    /// <summary>A daemon that splices its READ replies sends one reply as several packets (the first one shorter than its
    /// header's len): the READ fails with the protocol error (LengthMismatch, naming the header's len), the packets that follow
    /// are reported as protocol errors, and none of their bytes come back as data.</summary>
    [SkippableFact]
    public async Task A_spliced_reply_split_across_packets_is_rejected()
    {
        Skip.If(InteropDaemons.PassthroughSkipReason is not null, InteropDaemons.PassthroughSkipReason);
        ConcurrentQueue<FuseProtocolError> errors = new();
        FuseClientOptions options = new() { Strictness = FuseReplyStrictness.Strict, OnProtocolError = errors.Enqueue };
        await InteropConnection.RunAsync(
            source => InteropDaemons.StartPassthrough(source, "--splice"),
            source => File.WriteAllBytes(source["big"], TestData.Bytes(300_000, 5)),
            async c =>
            {
                FuseEntryOut entry = await c.Client.LookupAsync(FuseConstants.RootId, "big", c.Token);
                FuseOpenOut open = await c.Client.OpenAsync(entry.NodeId, InteropScenarios.ORdOnly, c.Token);
                byte[] destination = new byte[128 * 1024];
                FuseProtocolException failure = await Assert.ThrowsAsync<FuseProtocolException>(
                    async () => await c.Client.ReadAsync(entry.NodeId, open.Fh, 0, destination, c.Token));

                Assert.Equal(FuseProtocolRule.LengthMismatch, failure.Rule);
                Assert.Contains("131088", failure.Message, StringComparison.Ordinal);
                Assert.All(destination, b => Assert.Equal(0, b));
                for (int i = 0; i < 100 && errors.IsEmpty; i++)
                {
                    await Task.Delay(20, c.Token);
                }

                Assert.NotEmpty(errors);
            },
            options);
    }

    internal static async Task WaitForOutput(LibfuseDaemon daemon, string text)
    {
        for (int i = 0; i < 200 && !daemon.Output.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(50, daemon.Deadline);
        }

        Assert.Contains(text, daemon.Output, StringComparison.Ordinal);
    }

    protected override Task Run(Func<InteropConnection, Task> body)
    {
        Skip.If(InteropDaemons.PassthroughSkipReason is not null, InteropDaemons.PassthroughSkipReason);
        return InteropConnection.RunAsync(source => InteropDaemons.StartPassthrough(source), null, body);
    }
}
