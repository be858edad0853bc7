using System;
using System.IO;

namespace FuseWire.Client;

/// <summary>The connection to the daemon ended (it closed its end, a write failed, or the client was disposed) before the request was answered,
/// or a request was made after that.</summary>
public sealed class FuseConnectionClosedException : IOException
{
    /// <summary>Creates the exception with the default message.</summary>
    public FuseConnectionClosedException()
        : base("The FUSE connection is closed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public FuseConnectionClosedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that ended the connection.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">What ended the connection.</param>
    public FuseConnectionClosedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
