namespace FuseWire.Tests.Abi;

/// <summary>Compares a C# constant with the value of a C expression, in the width of the C expression's type.</summary>
/// <remarks>
/// A C macro such as <c>FUSE_INIT_RESERVED (1 &lt;&lt; 31)</c> is a negative <c>int</c>: cast to <c>unsigned long long</c>
/// it sign-extends to 0xFFFFFFFF80000000, while the flag it stands for is bit 31 (0x80000000). So the two values are compared
/// in the C type's width, and the C# value must fit in that width (or be its sign extension).
/// </remarks>
internal static class CValue
{
    /// <summary>Whether <paramref name="csValue"/> is the value C gives as <paramref name="cValue"/> in a type of <paramref name="cWidth"/> bytes.</summary>
    public static bool Matches(ulong cValue, ulong cWidth, ulong csValue)
    {
        if (cWidth >= 8)
        {
            return cValue == csValue;
        }

        ulong mask = (1UL << (int)(cWidth * 8)) - 1;
        bool fits = (csValue & ~mask) == 0 || (csValue | mask) == ulong.MaxValue;
        return fits && (cValue & mask) == (csValue & mask);
    }

    /// <summary>Whether the comparison needed the width: the plain 64-bit values differ but match in the C type.</summary>
    public static bool NeededWidth(ulong cValue, ulong cWidth, ulong csValue) => cValue != csValue && Matches(cValue, cWidth, csValue);
}
