using System;

namespace FuseWire.Transcripts;

/// <summary>
/// The one exception <see cref="FuseTranscriptReader"/> throws for a malformed transcript: it names the offset of the block in
/// the file and what was wrong with it.
/// </summary>
public sealed class FuseTranscriptException : FormatException
{
    /// <summary>Creates the exception for a finding at a block.</summary>
    /// <param name="error">What was wrong.</param>
    /// <param name="offset">The block's offset in the file.</param>
    /// <param name="detail">The finding in words.</param>
    public FuseTranscriptException(FuseTranscriptError error, long offset, string detail)
        : base($"pcapng block at offset {offset}: {detail}")
    {
        Error = error;
        Offset = offset;
        Detail = detail;
    }

    /// <summary>Creates an exception with a message only (<see cref="FuseTranscriptError.None"/>, offset -1).</summary>
    public FuseTranscriptException()
    {
        Offset = -1;
        Detail = string.Empty;
    }

    /// <summary>Creates an exception with a message only (<see cref="FuseTranscriptError.None"/>, offset -1).</summary>
    /// <param name="message">The message.</param>
    public FuseTranscriptException(string message)
        : base(message)
    {
        Offset = -1;
        Detail = message ?? string.Empty;
    }

    /// <summary>Creates an exception with a message and a cause (<see cref="FuseTranscriptError.None"/>, offset -1).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FuseTranscriptException(string message, Exception innerException)
        : base(message, innerException)
    {
        Offset = -1;
        Detail = message ?? string.Empty;
    }

    /// <summary>What was wrong.</summary>
    public FuseTranscriptError Error { get; }

    /// <summary>The offset of the block at fault, in bytes from where the reader started; -1 when not known.</summary>
    public long Offset { get; }

    /// <summary>The finding without the offset prefix of <see cref="Exception.Message"/>.</summary>
    public string Detail { get; }
}
