using System;
using System.Globalization;
using System.IO;
using FuseWire.Abi;

namespace FuseWire.Client;

/// <summary>The daemon answered a request with an error (a reply whose <c>error</c> is a negative errno).</summary>
public sealed class FuseErrnoException : IOException
{
    /// <summary>Creates the exception for a request's error reply.</summary>
    /// <param name="opcode">The request's opcode.</param>
    /// <param name="unique">The request's unique.</param>
    /// <param name="errno">The positive errno (ENOENT is 2).</param>
    public FuseErrnoException(FuseOpcode opcode, ulong unique, int errno)
        : base(string.Create(CultureInfo.InvariantCulture, $"{FuseNames.OpcodeName(opcode)} (unique {unique}) failed: {FuseNames.TryGetErrnoName(errno) ?? "errno"} ({errno})."))
    {
        Opcode = opcode;
        Unique = unique;
        Errno = errno;
        HResult = errno;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public FuseErrnoException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public FuseErrnoException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FuseErrnoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The opcode of the request that failed.</summary>
    public FuseOpcode Opcode { get; }

    /// <summary>The unique of the request that failed.</summary>
    public ulong Unique { get; }

    /// <summary>The error as a positive errno (see <see cref="FuseWire.Errno"/>).</summary>
    public int Errno { get; }
}
