using System;
using FuseWire.Abi;

namespace FuseWire.Validation;

/// <summary>
/// The one exception a FuseWire decoder throws on bad input from a peer. It names the rule broken, the opcode, the unique and the byte offset.
/// </summary>
public sealed class FuseProtocolException : Exception
{
    /// <summary>Creates the exception from a decoder's finding.</summary>
    /// <param name="error">What was found.</param>
    public FuseProtocolException(FuseProtocolError error)
        : base("FUSE protocol error: " + error.ToString())
    {
        Error = error;
    }

    /// <summary>Creates the exception from a finding, with a message that adds what the finding cannot hold (such as the frame's
    /// offset in a stream).</summary>
    /// <param name="error">What was found.</param>
    /// <param name="message">The message.</param>
    public FuseProtocolException(FuseProtocolError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates an exception with a message only (rule <see cref="FuseProtocolRule.None"/>).</summary>
    public FuseProtocolException()
    {
    }

    /// <summary>Creates an exception with a message only (rule <see cref="FuseProtocolRule.None"/>).</summary>
    /// <param name="message">The message.</param>
    public FuseProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and an inner exception (rule <see cref="FuseProtocolRule.None"/>).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FuseProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The full finding.</summary>
    public FuseProtocolError Error { get; }

    /// <summary>The rule broken.</summary>
    public FuseProtocolRule Rule => Error.Rule;

    /// <summary>The opcode of the request involved, or 0 when not known.</summary>
    public FuseOpcode Opcode => Error.Opcode;

    /// <summary>The unique of the frame, or 0 when not known.</summary>
    public ulong Unique => Error.Unique;

    /// <summary>The byte offset in the frame where the problem was found.</summary>
    public int Offset => Error.Offset;
}
