using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FuseWire.Tests.Abi;

/// <summary>
/// Builds a C program that prints <c>sizeof</c>s, <c>offsetof</c>s and constant values, one <c>key value</c> a line,
/// and runs it through <see cref="GccRunner"/>.
/// </summary>
internal sealed class CLayoutProgram
{
    private readonly List<string> _includes = ["stdio.h", "stddef.h", "stdint.h", "linux/ioctl.h"];
    private readonly List<string> _lines = [];
    private readonly HashSet<string> _keys = [];

    /// <summary>Declarations placed after the includes (e.g. <see cref="Fuse745Excerpt.Source"/>).</summary>
    public string Prelude { get; init; } = string.Empty;

    /// <summary>The key under which the program prints <c>sizeof(struct s)</c>.</summary>
    public static string SizeKey(string structName) => "sizeof:" + structName;

    /// <summary>The key under which the program prints <c>offsetof(struct s, f)</c>.</summary>
    public static string OffsetKey(string structName, string field) => "offsetof:" + structName + "." + field;

    /// <summary>The key under which the program prints <c>sizeof(((struct s*)0)-&gt;f)</c>.</summary>
    public static string FieldSizeKey(string structName, string field) => "sizeof:" + structName + "." + field;

    /// <summary>The key under which the program prints a value.</summary>
    public static string ValueKey(string name) => "value:" + name;

    /// <summary>The key under which the program prints the size of a value's C type.</summary>
    public static string WidthKey(string name) => "width:" + name;

    /// <summary>Adds <c>#include &lt;<paramref name="header"/>&gt;</c>.</summary>
    public void Include(string header) => _includes.Add(header);

    /// <summary>Prints <c>sizeof(struct <paramref name="structName"/>)</c>.</summary>
    public void AddStruct(string structName) =>
        Add(SizeKey(structName), "%zu", $"sizeof(struct {structName})");

    /// <summary>Prints the offset and the size of member <paramref name="field"/>.</summary>
    public void AddField(string structName, string field)
    {
        Add(OffsetKey(structName, field), "%zu", $"offsetof(struct {structName}, {field})");
        Add(FieldSizeKey(structName, field), "%zu", $"sizeof(((struct {structName} *)0)->{field})");
    }

    /// <summary>Prints <c>(unsigned long long)(<paramref name="expression"/>)</c> and the size of its type under <paramref name="name"/>.</summary>
    public void AddValue(string name, string expression)
    {
        Add(ValueKey(name), "%llu", $"(unsigned long long)({expression})");
        Add(WidthKey(name), "%zu", $"sizeof({expression})");
    }

    /// <summary>The program's text.</summary>
    public string Source()
    {
        var sb = new StringBuilder();
        foreach (string include in _includes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"#include <{include}>\n");
        }

        sb.Append('\n').Append(Prelude).Append("\n\nint main(void)\n{\n");
        foreach (string line in _lines)
        {
            sb.Append("    ").Append(line).Append('\n');
        }

        return sb.Append("    return 0;\n}\n").ToString();
    }

    /// <summary>Compiles and runs the program.</summary>
    public IReadOnlyDictionary<string, ulong> Run(string name) => GccRunner.CompileAndRun(Source(), name);

    private void Add(string key, string format, string expression)
    {
        if (_keys.Add(key))
        {
            _lines.Add($"printf(\"%s {format}\\n\", \"{key}\", {expression});");
        }
    }
}
