namespace FuseWire.Cli.Analysis;

/// <summary>What a transcript frame is, from its direction and header.</summary>
internal enum FrameKind
{
    /// <summary>The direction is unknown and could not be guessed.</summary>
    Unknown = 0,

    /// <summary>A request, kernel to daemon.</summary>
    Request,

    /// <summary>A reply, daemon to kernel.</summary>
    Reply,

    /// <summary>A notification, daemon to kernel with unique 0.</summary>
    Notification,
}
