namespace EcoEnforce.Complaints;

/// <summary>RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks (complaint texts do).
/// Rows are numbered by the line they start on, as a spreadsheet would show them; blank rows are skipped.</summary>
public static class Csv
{
    public static IReadOnlyList<(int RowNumber, IReadOnlyDictionary<int, string> Cells)> Parse(string text)
    {
        var rows = new List<(int, IReadOnlyDictionary<int, string>)>();
        var cells = new Dictionary<int, string>();
        var field = new System.Text.StringBuilder();
        var column = 0;
        var line = 1;
        var rowStart = 1;
        var quoted = false;

        void EndField()
        {
            var value = field.ToString().Trim();
            if (value.Length > 0) cells[column] = value;
            field.Clear();
            column++;
        }

        void EndRow()
        {
            EndField();
            if (cells.Count > 0) rows.Add((rowStart, cells));
            cells = [];
            column = 0;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': EndField(); break;
                case '\r': break;
                case '\n':
                    EndRow();
                    line++;
                    rowStart = line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || cells.Count > 0) EndRow();
        return rows;
    }
}
