using System;

namespace FuseWire.Sessions;

/// <summary>Observes a frame crossing the session: <paramref name="fromKernel"/> is true for requests, false for replies and notifications.</summary>
/// <param name="frame">The frame's bytes, valid only during the call.</param>
/// <param name="fromKernel">Whether the kernel sent it.</param>
public delegate void FuseFrameObserver(ReadOnlySpan<byte> frame, bool fromKernel);
