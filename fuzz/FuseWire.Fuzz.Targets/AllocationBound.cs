using System;
using System.Globalization;

namespace FuseWire.Fuzzing;

/// <summary>
/// The allocation bound every target asserts: the bytes the current thread allocates while decoding an input stay within the
/// input's size plus a small constant, so no length field read from the input can size an allocation.
/// </summary>
public static class AllocationBound
{
    /// <summary>The constant allowed beside the input's size for the codec targets (they allocate nothing at all).</summary>
    public const long Slack = 1024;

    /// <summary>Starts a measurement.</summary>
    /// <returns>The thread's allocated bytes now.</returns>
    public static long Start() => GC.GetAllocatedBytesForCurrentThread();

    /// <summary>
    /// Whether <paramref name="start"/>'s measurement stayed within <paramref name="budget"/>. A target whose first measurement
    /// fails runs the input again and throws only if the second one fails too: a one-time cost of the runtime (a type's static
    /// initialisation, tiered compilation's bookkeeping on the calling thread) is not repeated, an allocation sized by the input is.
    /// </summary>
    /// <param name="start">What <see cref="Start"/> returned.</param>
    /// <param name="budget">The bytes allowed.</param>
    /// <returns>True when within the bound.</returns>
    public static bool Within(long start, long budget) => GC.GetAllocatedBytesForCurrentThread() - start <= budget;

    /// <summary>Throws when more than <paramref name="budget"/> bytes were allocated since <paramref name="start"/>.</summary>
    /// <param name="target">The target measured, for the message.</param>
    /// <param name="start">What <see cref="Start"/> returned.</param>
    /// <param name="budget">The bytes allowed.</param>
    /// <exception cref="FuzzContractException">The bound was exceeded.</exception>
    public static void Check(string target, long start, long budget)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread() - start;
        if (allocated > budget)
        {
            throw new FuzzContractException(string.Create(
                CultureInfo.InvariantCulture, $"{target}: allocated {allocated} bytes, more than the bound of {budget} bytes."));
        }
    }
}
