using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Protocol;

namespace BenchFs;

/// <summary>INIT (spec §3): the session fills the reply from <see cref="BenchOptions"/>; the hook pins the values and records them.</summary>
internal sealed partial class BenchFileSystem
{
    private readonly TaskCompletionSource _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set once INIT has been answered (the hook runs just before the reply leaves).</summary>
    public Task Initialized => _initialized.Task;

    public FuseInitIn KernelInit { get; private set; }

    public FuseInitOut ReplyInit { get; private set; }

    public override void Init(in FuseInitIn kernel, ref FuseInitOut reply)
    {
        reply.MaxBackground = 0;
        reply.CongestionThreshold = 0;
        reply.TimeGran = 1;
        reply.MaxPages = (ushort)(((reply.MaxWrite - 1) / 4096) + 1);
        FuseInitFlags offered = FuseProtocol.FlagsOf(kernel);
        FuseInitFlags accepted = offered & BenchOptions.WantedFlags;
        FuseProtocol.Split(accepted, out reply.Flags, out reply.Flags2);
        KernelInit = kernel;
        ReplyInit = reply;
        _initialized.TrySetResult();
    }
}
