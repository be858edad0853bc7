using System.Collections.Generic;

namespace FuseWire.Tests.Abi;

/// <summary>A struct of the 7.45 header that the local (7.38) header lacks, with every sized member.</summary>
/// <param name="Name">The C struct name.</param>
/// <param name="Size">Its <c>sizeof</c>.</param>
/// <param name="Version">The protocol minor version that added it.</param>
/// <param name="Members">Every member but flexible arrays (which have no size and no C# counterpart).</param>
internal sealed record Fuse745Struct(string Name, int Size, int Version, IReadOnlyList<Fuse745Member> Members);
