namespace FuseWire.Validation;

/// <summary>
/// The rule a FUSE frame broke. Each value names one check of the decoders and validators; docs/bad-input.md lists them with the frames that break them.
/// </summary>
public enum FuseProtocolRule
{
    /// <summary>No rule was broken.</summary>
    None = 0,

    /// <summary>Fewer bytes than a header (40 for a request, 16 for a reply) were received.</summary>
    HeaderTruncated,

    /// <summary>The header's <c>len</c> is smaller than the header itself.</summary>
    LengthBelowHeader,

    /// <summary>The header's <c>len</c> differs from the number of bytes received.</summary>
    LengthMismatch,

    /// <summary>The header's <c>len</c> is above the negotiated maximum frame length.</summary>
    LengthAboveMaximum,

    /// <summary>The request's opcode is not one of protocol 7.45; a daemon answers ENOSYS.</summary>
    UnknownOpcode,

    /// <summary>The payload is shorter than the opcode's argument at the negotiated minor.</summary>
    PayloadTooShort,

    /// <summary>The reply's payload is longer than the opcode's reply (flagged; rejected in strict mode, always for INTERRUPT).</summary>
    PayloadTooLong,

    /// <summary>A name is not NUL-terminated inside the frame, or a second name is missing.</summary>
    NameNotTerminated,

    /// <summary>A name is empty where the kernel never sends an empty one.</summary>
    NameEmpty,

    /// <summary>A directory-entry name contains '/'.</summary>
    NameContainsSlash,

    /// <summary>A name is longer than NAME_MAX (255), or a symlink target longer than PATH_MAX.</summary>
    NameTooLong,

    /// <summary>A count or size field (BATCH_FORGET count, WRITE or SETXATTR size, dirent namelen, ...) disagrees with the bytes present.</summary>
    CountMismatch,

    /// <summary>The request's extensions (<c>total_extlen</c>, <c>fuse_ext_header</c>) do not fit the frame.</summary>
    ExtensionMalformed,

    /// <summary>An INIT states a major version other than 7.</summary>
    UnsupportedVersion,

    /// <summary>A reply's <c>error</c> is positive or at or below -512: the kernel refuses it with EINVAL.</summary>
    ErrorOutOfRange,

    /// <summary>An error reply carries a payload.</summary>
    ErrorWithPayload,

    /// <summary>A reply's <c>unique</c> matches no outstanding request.</summary>
    UniqueNotOutstanding,

    /// <summary>A second reply arrived for a request already answered.</summary>
    DuplicateReply,

    /// <summary>A reply arrived for FORGET, BATCH_FORGET or NOTIFY_REPLY, which are never answered.</summary>
    ReplyToNoReplyOpcode,

    /// <summary>A notification (unique 0) carries a code that protocol 7.45 does not define.</summary>
    UnknownNotifyCode,

    /// <summary>A directory entry of a READDIR or READDIRPLUS reply runs past the data or is malformed.</summary>
    DirentMalformed,
}
