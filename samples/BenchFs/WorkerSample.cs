namespace BenchFs;

/// <summary>One worker thread's allocation samples (written only by that thread, read after it stopped).</summary>
internal sealed class WorkerSample
{
    public long Requests { get; set; }

    public long BaseRequests { get; set; }

    public long BaseBytes { get; set; }

    public long LastRequests { get; set; }

    public long LastBytes { get; set; }
}
