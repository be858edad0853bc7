namespace FuseWire.Cli.Analysis;

/// <summary>Receives each analysed frame of a transcript, in file order.</summary>
internal interface IFrameSink
{
    /// <summary>Handles one frame; its views are valid only during the call.</summary>
    /// <param name="frame">The frame.</param>
    void OnFrame(ref AnalyzedFrame frame);
}
