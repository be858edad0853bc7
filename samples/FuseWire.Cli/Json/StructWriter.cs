using System;
using System.Text.Json;

namespace FuseWire.Cli.Json;

/// <summary>Writes one fuse.h struct's members from its bytes into the current JSON object.</summary>
/// <param name="writer">The JSON writer.</param>
/// <param name="bytes">The struct's bytes.</param>
internal delegate void StructWriter(Utf8JsonWriter writer, ReadOnlySpan<byte> bytes);
