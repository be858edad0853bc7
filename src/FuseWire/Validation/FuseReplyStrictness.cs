namespace FuseWire.Validation;

/// <summary>How a reply longer than its opcode's payload is treated.</summary>
public enum FuseReplyStrictness
{
    /// <summary>A long reply is accepted and flagged as a warning (perfused's behaviour).</summary>
    Lenient,

    /// <summary>A long reply is an error.</summary>
    Strict,
}
