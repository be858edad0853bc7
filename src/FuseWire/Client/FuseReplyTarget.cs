namespace FuseWire.Client;

/// <summary>Where the reader thread puts a reply's payload for the request that awaits it.</summary>
internal enum FuseReplyTarget
{
    /// <summary>The whole payload (arguments and data) into the request's own buffer, decoded when the caller takes the result.</summary>
    Payload,

    /// <summary>The arguments into the request's buffer, the data (READ's bytes) straight into the caller's memory.</summary>
    DataToDestination,

    /// <summary>The whole payload into the caller's memory (a raw send).</summary>
    PayloadToDestination,
}
