using System;
using System.Collections.Generic;
using FuseWire.Transcripts;
using FuseWire.Validation;

namespace FuseWire.Fuzzing;

/// <summary>
/// The fuzz targets by name: the entry points the SharpFuzz harness and the corpus replay tests share. A target returns normally
/// or throws the exception its contract allows (<see cref="FuseProtocolException"/>, <see cref="FuseTranscriptException"/> for the transcript reader); anything else thrown is a finding.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The targets' names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["request", "reply", "session", "transcript"];

    /// <summary>Finds a target by name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="target">The target.</param>
    /// <returns>True when it exists.</returns>
    public static bool TryGet(string name, out FuzzTarget target)
    {
        target = name switch
        {
            "request" => RequestTarget.Run,
            "reply" => ReplyTarget.Run,
            "session" => SessionTarget.Run,
            "transcript" => TranscriptTarget.Run,
            _ => null!,
        };
        return target is not null;
    }

    /// <summary>Whether an exception thrown by target <paramref name="name"/> is one its contract allows.</summary>
    /// <param name="name">The target.</param>
    /// <param name="exception">What it threw.</param>
    /// <returns>True for an allowed exception.</returns>
    public static bool IsExpected(string name, Exception exception) =>
        name == "transcript" ? exception is FuseTranscriptException : exception is FuseProtocolException;

    /// <summary>Runs <paramref name="input"/> through target <paramref name="name"/>, swallowing the allowed exception.</summary>
    /// <param name="name">The target.</param>
    /// <param name="input">The input.</param>
    /// <exception cref="ArgumentException">No such target.</exception>
    public static void Run(string name, ReadOnlySpan<byte> input)
    {
        if (!TryGet(name, out FuzzTarget target))
        {
            throw new ArgumentException("No fuzz target " + name + ".", nameof(name));
        }

        try
        {
            target(input);
        }
        catch (Exception e) when (IsExpected(name, e))
        {
            // The contract allows it.
        }
    }
}
