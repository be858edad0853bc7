using System;
using System.Diagnostics.CodeAnalysis;

namespace FuseWire.Validation;

/// <summary>Cold throw helpers, so hot methods stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowProtocol(in FuseProtocolError error) => throw new FuseProtocolException(error);

    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string paramName, string message) => throw new ArgumentOutOfRangeException(paramName, message);

    [DoesNotReturn]
    public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);
}
