namespace FuseWire.Transcripts;

/// <summary>Which way a frame crossed a FUSE connection, as a transcript's <c>epb_flags</c> bits 0-1 record it.</summary>
public enum FuseFrameDirection
{
    /// <summary>Not recorded (<c>epb_flags</c> bits 00).</summary>
    Unknown = 0,

    /// <summary>Inbound, kernel to daemon: a request, starting with <c>fuse_in_header</c> (bits 01).</summary>
    Request = 1,

    /// <summary>Outbound, daemon to kernel: a reply or a notification, starting with <c>fuse_out_header</c> (bits 10).</summary>
    Reply = 2,
}
