using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FuseWire.Abi;

namespace FuseWire.Tests.Abi;

/// <summary>
/// Reads FuseWire's generated XML documentation (FuseWire.xml, next to FuseWire.dll), where every ABI struct names
/// its C struct and every field, enum member and constant names its kernel counterpart.
/// </summary>
internal static partial class AbiDocumentation
{
    private static readonly Lazy<Dictionary<string, XElement>> Members = new(Load);

    /// <summary>Where the documentation file is expected: next to the FuseWire assembly the tests load.</summary>
    public static string XmlPath { get; } = Path.ChangeExtension(typeof(FuseAttr).Assembly.Location, ".xml");

    /// <summary>The C name a struct's remarks give as <c>struct fuse_xxx</c>, or null.</summary>
    public static string? StructName(Type type)
    {
        XElement? member = Member("T:" + type.FullName);
        IEnumerable<XElement> codes = member?.Elements("remarks").Descendants("c") ?? [];
        return codes.Select(c => StructNameRegex().Match(c.Value.Trim()))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .FirstOrDefault();
    }

    /// <summary>
    /// The summary of a field, enum member or constant, split as <c>&lt;c&gt;Code&lt;/c&gt;</c> and the text right after it;
    /// null when the summary does not start with a <c>&lt;c&gt;</c> element.
    /// </summary>
    public static (string Code, string After)? LeadingCode(FieldInfo field)
    {
        ArgumentNullException.ThrowIfNull(field);
        XElement? summary = Member("F:" + field.DeclaringType!.FullName + "." + field.Name)?.Element("summary");
        if (summary is null)
        {
            return null;
        }

        XNode? first = summary.Nodes().FirstOrDefault(n => n is not XText t || !string.IsNullOrWhiteSpace(t.Value));
        if (first is not XElement { Name.LocalName: "c" } code)
        {
            return null;
        }

        string after = string.Concat(code.NodesAfterSelf().Select(n => n switch { XElement e => e.Value, XText t => t.Value, _ => string.Empty }));
        return (code.Value.Trim(), after);
    }

    /// <summary>The C field name and the offset a struct field's summary states (<c>&lt;c&gt;name&lt;/c&gt; (offset N):</c>).</summary>
    public static (string? CName, int? Offset) FieldDoc(FieldInfo field)
    {
        if (LeadingCode(field) is not { } lead)
        {
            return (null, null);
        }

        Match m = OffsetRegex().Match(lead.After);
        return (lead.Code, m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The kernel name an enum member or constant documents as <c>&lt;c&gt;NAME&lt;/c&gt;:</c>, or null.</summary>
    public static string? KernelName(FieldInfo field)
    {
        return LeadingCode(field) is { } lead && lead.After.StartsWith(':') && IdentifierRegex().IsMatch(lead.Code) ? lead.Code : null;
    }

    private static XElement? Member(string id) => Members.Value.GetValueOrDefault(id);

    private static Dictionary<string, XElement> Load()
    {
        if (!File.Exists(XmlPath))
        {
            throw new FileNotFoundException(
                $"FuseWire's XML documentation was not found at '{XmlPath}'. The ABI tests read the kernel names from it: "
                + "src/FuseWire must build with GenerateDocumentationFile and the .xml must be copied next to FuseWire.dll in the test output.",
                XmlPath);
        }

        XDocument doc = XDocument.Load(XmlPath);
        var members = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (XElement m in doc.Descendants("member"))
        {
            if (m.Attribute("name")?.Value is { } name)
            {
                members[name] = m;
            }
        }

        return members;
    }

    [GeneratedRegex(@"^struct\s+([A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex StructNameRegex();

    [GeneratedRegex(@"^\s*\(offset\s+(\d+)\)\s*:")]
    private static partial Regex OffsetRegex();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierRegex();
}
