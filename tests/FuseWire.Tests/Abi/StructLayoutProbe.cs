using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FuseWire.Tests.Abi;

/// <summary>
/// Measures the managed layout of a blittable struct without unsafe code: sizes through <see cref="Unsafe.SizeOf{T}"/>,
/// and a field's offset and size by setting it to all-ones bytes on a zeroed instance and seeing which bytes changed.
/// </summary>
internal static class StructLayoutProbe
{
    /// <summary><see cref="Unsafe.SizeOf{T}"/> of <paramref name="type"/>.</summary>
    public static int SizeOf(Type type) => (int)Call(nameof(SizeOfCore), type)!;

    /// <summary>The offset and size of <paramref name="field"/> in its declaring struct, as laid out in memory.</summary>
    public static (int Offset, int Size) Measure(FieldInfo field)
    {
        ArgumentNullException.ThrowIfNull(field);
        Type owner = field.DeclaringType!;
        object boxed = Activator.CreateInstance(owner)!;
        byte[] ones = Enumerable.Repeat((byte)0xFF, SizeOf(field.FieldType)).ToArray();
        field.SetValue(boxed, Call(nameof(FromBytesCore), field.FieldType, ones));
        var bytes = (byte[])Call(nameof(ToBytesCore), owner, boxed)!;
        int first = Array.FindIndex(bytes, b => b != 0);
        int last = Array.FindLastIndex(bytes, b => b != 0);
        return first < 0 ? (-1, 0) : (first, last - first + 1);
    }

    /// <summary><see cref="Marshal.OffsetOf(Type, string)"/>, or the exception's message when it throws.</summary>
    public static (int? Offset, string? Error) MarshalOffsetOf(FieldInfo field)
    {
        ArgumentNullException.ThrowIfNull(field);
        try
        {
            return ((int)Marshal.OffsetOf(field.DeclaringType!, field.Name), null);
        }
        catch (ArgumentException e)
        {
            return (null, e.Message);
        }
    }

    private static object? Call(string name, Type type, params object[] args)
    {
        MethodInfo method = typeof(StructLayoutProbe).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;
        try
        {
            return method.MakeGenericMethod(type).Invoke(null, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"Probing the layout of {type.FullName} failed: {e.InnerException.Message}", e.InnerException);
        }
    }

    private static int SizeOfCore<T>()
        where T : struct => Unsafe.SizeOf<T>();

    private static T FromBytesCore<T>(byte[] bytes)
        where T : struct => MemoryMarshal.Read<T>(bytes);

    private static byte[] ToBytesCore<T>(object boxed)
        where T : struct
    {
        T value = (T)boxed;
        return MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref value, 1)).ToArray();
    }
}
