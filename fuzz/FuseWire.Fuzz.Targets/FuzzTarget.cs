using System;

namespace FuseWire.Fuzzing;

/// <summary>One fuzz target: runs one input.</summary>
/// <param name="input">The input.</param>
public delegate void FuzzTarget(ReadOnlySpan<byte> input);
