using System;
using System.Collections.Generic;
using System.Linq;

namespace FuseWire.Tests.Abi;

/// <summary>A FuseWire ABI struct: the C struct its doc names, its declared and measured sizes, and its fields.</summary>
/// <param name="Type">The C# struct.</param>
/// <param name="CName">The C struct name from the doc remarks (<c>struct fuse_xxx</c>), or null.</param>
/// <param name="StructSize">The value of its <c>StructSize</c> constant.</param>
/// <param name="UnsafeSize"><see cref="System.Runtime.CompilerServices.Unsafe.SizeOf{T}"/> of the struct.</param>
/// <param name="Fields">Its instance fields, in declaration order.</param>
internal sealed record AbiStruct(Type Type, string? CName, int StructSize, int UnsafeSize, IReadOnlyList<AbiField> Fields)
{
    /// <summary>The field whose doc names <paramref name="cName"/>, or null.</summary>
    public AbiField? FieldByCName(string cName) => Fields.FirstOrDefault(f => f.CName == cName);
}
