using System;
using System.Collections.Generic;
using System.IO;

namespace FuseWire.Cli.Stats;

/// <summary>A plain-text table: the first and last columns left-aligned, the others right-aligned, two spaces between columns.</summary>
internal sealed class TextTable
{
    private readonly List<string[]> _rows = [];
    private readonly int _columns;

    /// <summary>Creates a table with a header row.</summary>
    /// <param name="headers">The column titles.</param>
    public TextTable(params string[] headers)
    {
        _columns = headers.Length;
        _rows.Add(headers);
    }

    /// <summary>Adds a row.</summary>
    /// <param name="cells">One cell per column.</param>
    public void Add(params string[] cells)
    {
        if (cells.Length != _columns)
        {
            throw new ArgumentException($"expected {_columns} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the table.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteTo(TextWriter writer)
    {
        int[] widths = new int[_columns];
        foreach (string[] row in _rows)
        {
            for (int i = 0; i < _columns; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (string[] row in _rows)
        {
            var line = new System.Text.StringBuilder();
            for (int i = 0; i < _columns; i++)
            {
                if (i > 0)
                {
                    line.Append("  ");
                }

                bool left = i == 0 || i == _columns - 1;
                line.Append(left ? row[i].PadRight(i == _columns - 1 ? 0 : widths[i]) : row[i].PadLeft(widths[i]));
            }

            writer.WriteLine(line.ToString().TrimEnd());
        }
    }
}
