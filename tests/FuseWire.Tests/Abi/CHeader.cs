using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace FuseWire.Tests.Abi;

/// <summary>
/// A deliberately simple reader of a kernel UAPI header: the <c>struct name { ... };</c> blocks and their member names,
/// the names of object-like and function-like <c>#define</c>s, and the enumerators of <c>enum name { ... }</c> blocks.
/// </summary>
internal sealed partial class CHeader
{
    private CHeader(string path, IReadOnlyDictionary<string, IReadOnlyList<CHeaderField>> structs, IReadOnlySet<string> objectMacros, IReadOnlySet<string> functionMacros, IReadOnlySet<string> enumerators)
    {
        Path = path;
        Structs = structs;
        ObjectMacros = objectMacros;
        FunctionMacros = functionMacros;
        Enumerators = enumerators;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>Struct name to its members, in declaration order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CHeaderField>> Structs { get; }

    /// <summary>Names of <c>#define NAME value</c> macros.</summary>
    public IReadOnlySet<string> ObjectMacros { get; }

    /// <summary>Names of <c>#define NAME(args) ...</c> macros.</summary>
    public IReadOnlySet<string> FunctionMacros { get; }

    /// <summary>Enumerators of every enum.</summary>
    public IReadOnlySet<string> Enumerators { get; }

    /// <summary>Whether <paramref name="name"/> is an object-like macro or an enumerator, usable as a value in C.</summary>
    public bool DefinesValue(string name) => ObjectMacros.Contains(name) || Enumerators.Contains(name);

    /// <summary>Whether the header declares <paramref name="name"/> in any way (macro, enumerator or struct).</summary>
    public bool Declares(string name) => DefinesValue(name) || FunctionMacros.Contains(name) || Structs.ContainsKey(name);

    /// <summary>Whether the header has member <paramref name="field"/> in <c>struct <paramref name="structName"/></c>.</summary>
    public bool HasField(string structName, string field) =>
        Structs.TryGetValue(structName, out IReadOnlyList<CHeaderField>? fields) && fields.Any(f => f.Name == field);

    /// <summary>The value of an object-like macro whose body is a plain decimal number, e.g. FUSE_KERNEL_MINOR_VERSION.</summary>
    public int? MinorVersion { get; private init; }

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    public static CHeader Load(string path)
    {
        string text = File.ReadAllText(path);
        string code = CommentRegex().Replace(text, m => new string('\n', m.Value.Count(c => c == '\n')) + " ");
        code = code.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal);

        var objectMacros = new HashSet<string>(StringComparer.Ordinal);
        var functionMacros = new HashSet<string>(StringComparer.Ordinal);
        int? minor = null;
        foreach (Match m in DefineRegex().Matches(code))
        {
            string name = m.Groups["name"].Value;
            if (m.Groups["paren"].Success)
            {
                functionMacros.Add(name);
                continue;
            }

            objectMacros.Add(name);
            if (name == "FUSE_KERNEL_MINOR_VERSION"
                && int.TryParse(m.Groups["body"].Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v))
            {
                minor = v;
            }
        }

        var structs = new Dictionary<string, IReadOnlyList<CHeaderField>>(StringComparer.Ordinal);
        foreach (Match m in StructRegex().Matches(code))
        {
            structs[m.Groups["name"].Value] = m.Groups["body"].Value
                .Split(';')
                .Select(d => d.Trim())
                .Where(d => d.Length > 0)
                .Select(d => MemberRegex().Match(d))
                .Where(dm => dm.Success)
                .Select(dm => new CHeaderField(dm.Groups["name"].Value, dm.Groups["array"].Success && string.IsNullOrWhiteSpace(dm.Groups["len"].Value)))
                .ToArray();
        }

        var enumerators = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in EnumRegex().Matches(code))
        {
            foreach (string item in m.Groups["body"].Value.Split(','))
            {
                Match em = EnumeratorRegex().Match(item);
                if (em.Success)
                {
                    enumerators.Add(em.Groups["name"].Value);
                }
            }
        }

        return new CHeader(path, structs, objectMacros, functionMacros, enumerators) { MinorVersion = minor };
    }

    [GeneratedRegex(@"/\*.*?\*/|//[^\n]*", RegexOptions.Singleline)]
    private static partial Regex CommentRegex();

    [GeneratedRegex(@"^[ \t]*#[ \t]*define[ \t]+(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<paren>\()?(?<body>[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex DefineRegex();

    [GeneratedRegex(@"\bstruct\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\{(?<body>[^{}]*)\}\s*;", RegexOptions.Singleline)]
    private static partial Regex StructRegex();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?<array>\[(?<len>[^\]]*)\])?\s*$", RegexOptions.Singleline)]
    private static partial Regex MemberRegex();

    [GeneratedRegex(@"\benum\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\{(?<body>[^{}]*)\}", RegexOptions.Singleline)]
    private static partial Regex EnumRegex();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(=|$)", RegexOptions.Singleline)]
    private static partial Regex EnumeratorRegex();
}
