using System;

namespace FuseWire.Fuzzing;

/// <summary>A fuzz target found the library breaking its contract: an allocation past the bound, or decoders that disagree.</summary>
public sealed class FuzzContractException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FuzzContractException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What broke.</param>
    public FuzzContractException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What broke.</param>
    /// <param name="innerException">The cause.</param>
    public FuzzContractException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
