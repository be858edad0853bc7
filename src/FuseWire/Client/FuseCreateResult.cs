using FuseWire.Abi;

namespace FuseWire.Client;

/// <summary>What CREATE answers: the new entry and the open file.</summary>
/// <param name="Entry">The entry (its node's lookup count went up by one).</param>
/// <param name="Open">The file handle and FOPEN_* flags.</param>
public readonly record struct FuseCreateResult(FuseEntryOut Entry, FuseOpenOut Open);
